using StreamingApp.Frontend.Components.Layout;

namespace StreamingApp.Frontend.Tests.Components;

public sealed class NavMenuTests : FrontendTestContext
{
    [Fact]
    public void Visitors_see_sign_in_and_sign_up_but_no_account_pages()
    {
        Anonymous();

        var menu = Render<NavMenu>();

        Assert.Contains("account/login", Links(menu));
        Assert.Contains("account/register", Links(menu));
        Assert.DoesNotContain("history", Links(menu));
        Assert.DoesNotContain("upload", Links(menu));
    }

    [Fact]
    public void Viewers_get_their_history_and_a_sign_out_button_but_no_studio_or_admin()
    {
        SignIn("Vera", Roles.Viewer);

        var menu = Render<NavMenu>();

        Assert.Contains("history", Links(menu));
        Assert.NotNull(menu.Find("[data-testid=sign-out]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-upload]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-admin]"));
    }

    [Fact]
    public void Creators_get_upload_and_their_videos_but_no_admin()
    {
        SignIn("Cleo", Roles.Viewer, Roles.Creator);

        var menu = Render<NavMenu>();

        Assert.NotNull(menu.Find("[data-testid=nav-upload]"));
        Assert.NotNull(menu.Find("[data-testid=nav-studio]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-admin]"));
    }

    [Fact]
    public void Admins_get_everything_creators_get_and_the_admin_pages()
    {
        SignIn("Ada", Roles.Admin);

        var menu = Render<NavMenu>();

        Assert.NotNull(menu.Find("[data-testid=nav-upload]"));
        Assert.NotNull(menu.Find("[data-testid=nav-admin]"));
        Assert.Equal("A", menu.Find(".avatar").TextContent);
    }

    private static List<string?> Links(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a").Select(link => link.GetAttribute("href")).ToList();
}
