using Dispatch.ServiceDefaults.Spreadsheets;
using Xunit;

namespace Dispatch.ServiceDefaults.Tests.Spreadsheets;

public sealed class CsvTests
{
    [Fact]
    public void Quoted_cells_keep_commas_quotes_and_line_breaks_and_lines_are_counted_from_the_file()
    {
        var records = Csv.Parse("\uFEFF标题,描述\r\n\"陪伴, 聊天\",\"他说\"\"你好\"\"\r\n第二行\"\r\n理发,\n");

        Assert.Equal(3, records.Count);
        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
        Assert.Equal(["标题", "描述"], records[0].Cells);
        Assert.Equal(["陪伴, 聊天", "他说\"你好\"\n第二行"], records[1].Cells);
        Assert.Equal(["理发", ""], records[2].Cells);
    }

    [Fact]
    public void Rows_of_only_empty_cells_are_dropped_as_spreadsheets_leave_them_at_the_end()
    {
        var records = Csv.Parse("a,b\n,\n1,2\n , \n");

        Assert.Equal([1, 3], records.Select(r => r.Line));
    }
}
