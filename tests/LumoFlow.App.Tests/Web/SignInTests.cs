using LumoFlow.App.Auth;
using LumoFlow.App.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace LumoFlow.App.Tests.Web;

public sealed class SignInTests
{
    [Theory]
    [InlineData("/staff/cases/C1?lang=sv", "/staff/cases/C1?lang=sv")]
    [InlineData("/admin", "/admin")]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("https://evil.example/", null)]
    [InlineData("/redirect?to=https://evil.example", null)]
    [InlineData("staff", null)]
    [InlineData("/", null)]
    [InlineData(null, null)]
    public void The_sign_in_returns_only_to_a_path_of_this_site(string? asked, string? expected) =>
        Assert.Equal(expected, SignInPages.LocalReturnUrl(asked));

    private static StaffAuthOptions Options(params (string Key, string Value)[] settings) =>
        StaffAuthOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

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
        var entra = Options(("Auth:Entra:TenantId", "contoso"), ("Auth:Entra:ClientId", "app"));
        Assert.Equal("https://login.microsoftonline.com/contoso/v2.0", entra.EntraIssuer);
        Assert.False(entra.DevSignInEnabled);
    }
}
