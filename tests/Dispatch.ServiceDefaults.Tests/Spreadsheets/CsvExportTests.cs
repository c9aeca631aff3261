using Dispatch.ServiceDefaults.Spreadsheets;
using Xunit;

namespace Dispatch.ServiceDefaults.Tests.Spreadsheets;

public sealed class CsvExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("＝1+1")]
    [InlineData("＋1+1")]
    [InlineData("－1+1")]
    [InlineData("＠SUM(A1)")]
    public void A_text_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string cell)
    {
        using var csv = new CsvExport("name");
        csv.Text(cell).EndRow();
        var cells = ReadBack(csv.ToString());

        Assert.Equal("'" + cell, cells[1][0]);
    }

    [Fact]
    public void Numbers_stay_numbers_and_other_text_is_kept_with_quotes_where_needed()
    {
        var csv = Export(table => table.Text("光州, 北关").Text("他说\"好\"").Number(-3).Number(0.5).Number((double?)null).EndRow());

        Assert.Equal("a,b,c,d,e\r\n\"光州, 北关\",\"他说\"\"好\"\"\",-3,0.5,\r\n", csv);
        Assert.Equal(["光州, 北关", "他说\"好\"", "-3", "0.5", ""], ReadBack(csv)[1]);
    }

    private static string Export(Action<CsvExport> rows)
    {
        using var csv = new CsvExport("a", "b", "c", "d", "e");
        rows(csv);
        return csv.ToString();
    }

    private static List<string[]> ReadBack(string csv) => Csv.Parse(csv).Select(r => r.Cells).ToList();
}
