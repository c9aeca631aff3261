using Dispatch.ServiceDefaults.Http;
using Xunit;

namespace Dispatch.ServiceDefaults.Tests.Http;

public sealed class PagingTests
{
    [Theory]
    [InlineData(null, null, true)]
    [InlineData(1, 1, true)]
    [InlineData(1, Paging.MaxPageSize, true)]
    [InlineData(21_474_837, Paging.MaxPageSize, true)]
    [InlineData(0, null, false)]
    [InlineData(21_474_838, Paging.MaxPageSize, false)]
    [InlineData(int.MaxValue, null, false)]
    [InlineData(null, 0, false)]
    [InlineData(null, Paging.MaxPageSize + 1, false)]
    public void Only_pages_whose_offset_fits_32_bits_and_sizes_up_to_the_maximum_pass(int? page, int? pageSize, bool valid) =>
        Assert.Equal(valid, !new Paging(page, pageSize).Check(new ValidationErrors()).Any);

    [Fact]
    public void The_furthest_page_allowed_has_the_offset_it_asks_for() =>
        Assert.Equal(21_474_836 * 100, new Paging(21_474_837, 100).Offset);

    [Fact]
    public void Without_values_it_is_the_first_page_of_twenty() =>
        Assert.Equal((1, 20, 0), (new Paging(null, null).Number, new Paging(null, null).Size, new Paging(null, null).Offset));
}
