using StreamingApp.Frontend.Components.Shared;

namespace StreamingApp.Frontend.Tests.Components;

public sealed class PaginationTests : BunitContext
{
    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 5, "1 2 3 4 5")]
    [InlineData(1, 10, "1 2 3 … 10")]
    [InlineData(5, 10, "1 2 3 4 5 6 7 … 10")]
    [InlineData(6, 20, "1 … 4 5 6 7 8 … 20")]
    [InlineData(20, 20, "1 … 18 19 20")]
    public void Shows_the_first_and_last_page_and_two_on_each_side_of_the_current_one(int current, int count, string expected)
    {
        var items = Pagination.Items(current, count).Select(item => item?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…");

        Assert.Equal(expected, string.Join(' ', items));
    }

    [Fact]
    public void Marks_the_current_page_and_links_the_neighbours()
    {
        var pagination = Render<Pagination>(parameters => parameters
            .Add(p => p.Current, 2)
            .Add(p => p.PageCount, 3)
            .Add(p => p.Href, page => $"browse?page={page}"));

        Assert.Equal("2", pagination.Find("[aria-current=page]").TextContent);
        Assert.Equal("browse?page=1", pagination.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("browse?page=3", pagination.Find("a[rel=next]").GetAttribute("href"));
    }

    [Fact]
    public void Disables_previous_on_the_first_page_and_next_on_the_last()
    {
        var first = Render<Pagination>(parameters => parameters.Add(p => p.Current, 1).Add(p => p.PageCount, 2).Add(p => p.Href, page => $"?page={page}"));
        var last = Render<Pagination>(parameters => parameters.Add(p => p.Current, 2).Add(p => p.PageCount, 2).Add(p => p.Href, page => $"?page={page}"));

        Assert.Empty(first.FindAll("a[rel=prev]"));
        Assert.Empty(last.FindAll("a[rel=next]"));
        Assert.Equal(2, first.FindAll("[aria-disabled=true]").Count + last.FindAll("[aria-disabled=true]").Count);
    }

    [Fact]
    public void Renders_nothing_for_a_single_page()
    {
        var pagination = Render<Pagination>(parameters => parameters.Add(p => p.Current, 1).Add(p => p.PageCount, 1).Add(p => p.Href, page => $"?page={page}"));

        Assert.Empty(pagination.Markup.Trim());
    }
}
