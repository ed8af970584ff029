using LumoFlow.App.Auth;
using LumoFlow.App.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LumoFlow.App.Tests.Web;

public sealed class SignInTests
{
    [Theory]
    [InlineData("/staff/cases/C1?lang=sv", "/staff/cases/C1?lang=sv")]
    [InlineData("/admin", "/admin")]
    [InlineData("/staff?lang=en&done=ChildMet#result", "/staff?lang=en&done=ChildMet#result")]
    [InlineData("/admin/cases/ABC%2FDEF?q=a%20b", "/admin/cases/ABC%2FDEF?q=a%20b")]
    [InlineData("/%2F%2Fevil.example", "/%2F%2Fevil.example")]              // stays a path: a browser does not decode it
    [InlineData("/%09/evil.example", "/%09/evil.example")]                  // the same for an escaped tab
    [InlineData("/javascript:alert(1)", "/javascript:alert(1)")]            // a path, not a scheme
    [InlineData("//evil.example/x", null)]
    [InlineData("///evil.example", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("/\\/evil.example", null)]
    [InlineData("/staff\\..\\..\\evil", null)]                               // no backslash anywhere
    [InlineData("/\t/evil.example", null)]                                  // a browser drops the tab: //evil.example
    [InlineData("/\n/evil.example", null)]
    [InlineData("/\r/evil.example", null)]
    [InlineData("/\r\n/evil.example", null)]
    [InlineData("/\t\\evil.example", null)]
    [InlineData("/\u0000/evil.example", null)]
    [InlineData("/\u001b/evil.example", null)]
    [InlineData("/\u007f/evil.example", null)]
    [InlineData("/\u0085/evil.example", null)]
    [InlineData("/\u200b/evil.example", null)]                              // zero-width space
    [InlineData("/\u202e/evil.example", null)]                              // right-to-left override
    [InlineData("/\uFEFF/evil.example", null)]
    [InlineData("/ /evil.example", null)]
    [InlineData("/staff ", null)]
    [InlineData("/staff/ä", null)]                                          // not in a Location header: escape it
    [InlineData("/\uFF0F/evil.example", null)]                              // a full-width solidus
    [InlineData(" /staff", null)]
    [InlineData("\t/staff", null)]
    [InlineData("\\\\evil.example", null)]
    [InlineData("https://evil.example/", null)]
    [InlineData("http:/evil.example", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("/redirect?to=https://evil.example", null)]
    [InlineData("staff", null)]
    [InlineData("/", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_sign_in_returns_only_to_a_path_of_this_site(string? asked, string? expected) =>
        Assert.Equal(expected, SignInPages.LocalReturnUrl(asked));

    [Fact]
    public void A_return_url_is_at_most_2000_characters()
    {
        Assert.NotNull(SignInPages.LocalReturnUrl("/" + new string('a', 1999)));
        Assert.Null(SignInPages.LocalReturnUrl("/" + new string('a', 2000)));
    }

    [Fact]
    public void No_control_or_format_character_passes_anywhere_in_a_return_url()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF) continue;
            var category = char.GetUnicodeCategory((char)c);
            if (category is not (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format)) continue;
            Assert.Null(SignInPages.LocalReturnUrl($"/{(char)c}/evil.example"));
            Assert.Null(SignInPages.LocalReturnUrl($"/staff{(char)c}"));
        }
    }

    private static StaffAuthOptions Options(params (string Key, string Value)[] settings) => Options(Environments.Development, settings);

    private static StaffAuthOptions Options(string environment, params (string Key, string Value)[] settings) =>
        StaffAuthOptions.Read(Settings(settings), environment);

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public async Task A_development_token_carries_the_role_and_the_team_and_ends_when_its_session_does()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var options = Options(("Auth:DevSignIn:Enabled", "true"), ("Auth:DevSignIn:SigningKey", new string('k', 40)), ("Auth:TeamGroups:group-1", "pohjois-savo"));
        var tokens = new StaffTokens(options, time);

        var (token, expires) = tokens.IssueDevToken("Maija", "maija@kunta.example", StaffRole.TeamLead, "pohjois-savo");
        Assert.Equal(time.GetUtcNow().AddHours(8), expires);
        var check = await tokens.ValidateAsync(token, null);
        Assert.Equal(StaffRole.TeamLead, check.Role);
        Assert.Equal("pohjois-savo", check.Identity!.Team);
        Assert.Equal("maija@kunta.example", check.Identity.Name);
        Assert.True(check.Identity.MayWorkTeam("pohjois-savo"));
        Assert.False(check.Identity.MayWorkTeam("keski-suomi"));

        // A team without a configured group gets a development group, which only a development token may carry.
        var (other, _) = tokens.IssueDevToken("Kalle", "kalle@kunta.example", StaffRole.SocialWorker, "keski-suomi");
        Assert.Equal("keski-suomi", (await tokens.ValidateAsync(other, null)).Identity!.Team);
        Assert.Null(options.TeamOf("dev-team:keski-suomi", devToken: false));

        time.Advance(TimeSpan.FromHours(8));
        Assert.Null((await tokens.ValidateAsync(token, null)).Identity);
    }

    [Fact]
    public void Teams_map_from_groups_by_group_id_or_as_a_list_since_an_azure_app_setting_cannot_name_a_group_id()
    {
        var options = Options(("Auth:TeamGroups:3f2504e0-4f89-11d3-9a0c-0305e82c3301", "pohjois-savo"),
            ("Auth:TeamGroups:0:Group", "9b2c7a1e-0d4f-4c55-8a7e-2f1d3c4b5a69"), ("Auth:TeamGroups:0:Team", "keski-suomi"));

        Assert.Equal("pohjois-savo", options.TeamOf("3F2504E0-4F89-11D3-9A0C-0305E82C3301", devToken: false));
        Assert.Equal("keski-suomi", options.TeamOf("9b2c7a1e-0d4f-4c55-8a7e-2f1d3c4b5a69", devToken: false));
        Assert.Null(options.TeamOf("0", devToken: false));
        Assert.Throws<InvalidOperationException>(() => Options(("Auth:TeamGroups:0:Group", "9b2c7a1e-0d4f-4c55-8a7e-2f1d3c4b5a69")));
    }

    [Fact]
    public void The_development_sign_in_refuses_to_start_beside_Entra_or_with_a_short_key()
    {
        Assert.Throws<InvalidOperationException>(() => Options(("Auth:DevSignIn:Enabled", "true"), ("Auth:DevSignIn:SigningKey", "short")));
        Assert.Throws<InvalidOperationException>(() => Options(("Auth:DevSignIn:Enabled", "true"), ("Auth:DevSignIn:SigningKey", new string('k', 40)),
            ("Auth:Entra:TenantId", "t"), ("Auth:Entra:ClientId", "c")));
        // Any Entra setting at all, even one that would not turn Entra on by itself.
        foreach (var setting in new[] { "Auth:Entra:ClientId", "Auth:Entra:Instance", "Auth:Entra:TenantId" })
            Assert.Throws<InvalidOperationException>(() => Options(("Auth:DevSignIn:Enabled", "true"), ("Auth:DevSignIn:SigningKey", new string('k', 40)),
                (setting, "x")));
        var entra = Options(("Auth:Entra:TenantId", "contoso"), ("Auth:Entra:ClientId", "app"));
        Assert.Equal("https://login.microsoftonline.com/contoso/v2.0", entra.EntraIssuer);
        Assert.False(entra.DevSignInEnabled);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("")]
    public void The_development_sign_in_runs_only_in_the_Development_environment(string environment)
    {
        (string, string)[] enabled = [("Auth:DevSignIn:Enabled", "true"), ("Auth:DevSignIn:SigningKey", new string('k', 40))];

        Assert.False(Options(environment, enabled).DevSignInEnabled);
        Assert.False(StaffAuthOptions.DevSignInRuns(Settings(enabled), environment));
        // Elsewhere it is simply off: even beside Entra ID it does not stop the app.
        Assert.False(Options(environment, [.. enabled, ("Auth:Entra:TenantId", "t"), ("Auth:Entra:ClientId", "c")]).DevSignInEnabled);
        Assert.True(Options(Environments.Development, enabled).DevSignInEnabled);
        Assert.True(Options("development", enabled).DevSignInEnabled);
        Assert.False(Options(Environments.Development, ("Auth:DevSignIn:Enabled", "false"), ("Auth:DevSignIn:SigningKey", new string('k', 40)))
            .DevSignInEnabled);
    }
}
