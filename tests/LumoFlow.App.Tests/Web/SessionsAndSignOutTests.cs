using LumoFlow.App.Auth;
using LumoFlow.App.Http;
using LumoFlow.App.Web;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Moq;

namespace LumoFlow.App.Tests.Web;

/// <summary>Issue 22, part 2: sign-out through Entra's end-session endpoint, the sessions' settings, the cookies' Secure.</summary>
public sealed class SessionsAndSignOutTests
{
    private static StaffTokens EntraTokens(string? endSession)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Entra:TenantId"] = "11111111-2222-3333-4444-555555555555",
            ["Auth:Entra:ClientId"] = "lumoflow-client",
        }).Build();
        var metadata = new OpenIdConnectConfiguration { Issuer = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0" };
        if (endSession is not null) metadata.EndSessionEndpoint = endSession;
        return new StaffTokens(StaffAuthOptions.Read(settings, Environments.Production), TimeProvider.System,
            new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata));
    }

    private static SignInPages Pages(StaffTokens tokens) =>
        new(tokens, new StaffSessions(new Azure.Data.Tables.TableClient("UseDevelopmentStorage=true", "StaffSessions"), SessionOptions.Default,
                TimeProvider.System),
            new RoutingTable(new Team("intake", "Intake", "a@x.test", "b@x.test", "c@x.test", "fi"), [], new Dictionary<string, string>()),
            new WorkflowOptions("https://lumoflow.example.fi"), Mock.Of<IAntiforgery>());

    [Fact]
    public async Task With_Entra_sign_out_goes_to_the_end_session_endpoint_of_the_metadata_and_back_to_the_signed_out_page()
    {
        var pages = Pages(EntraTokens("https://login.example/tenant/oauth2/v2.0/logout"));

        var url = await pages.EndSessionUrlAsync("/signin?signedOut=true&lang=sv", CancellationToken.None);

        Assert.Equal("https://login.example/tenant/oauth2/v2.0/logout?client_id=lumoflow-client&post_logout_redirect_uri="
                     + Uri.EscapeDataString("https://lumoflow.example.fi/signin?signedOut=true&lang=sv"), url);
    }

    [Fact]
    public async Task Metadata_without_an_end_session_endpoint_falls_back_to_the_tenant_s_v2_logout_and_no_Entra_means_none()
    {
        var url = await Pages(EntraTokens(null)).EndSessionUrlAsync("/signin?signedOut=true", CancellationToken.None);
        Assert.StartsWith("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/logout?client_id=", url);

        var dev = new StaffTokens(StaffAuthOptions.Read(new ConfigurationBuilder().Build(), Environments.Production), TimeProvider.System);
        Assert.Null(await Pages(dev).EndSessionUrlAsync("/signin?signedOut=true", CancellationToken.None));
    }

    [Theory]
    [InlineData(null, null, 30, 10)]
    [InlineData("5", "1", 5, 1)]
    public void Session_settings_have_their_defaults_and_are_read(string? idle, string? absolute, double idleMinutes, double absoluteHours)
    {
        var options = SessionOptions.Read(Settings(idle, absolute));
        Assert.Equal((TimeSpan.FromMinutes(idleMinutes), TimeSpan.FromHours(absoluteHours)), (options.Idle, options.Absolute));
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("1441", null)]
    [InlineData(null, "0")]
    [InlineData(null, "169")]
    [InlineData("90", "1")]     // idle longer than the absolute
    public void Session_settings_out_of_range_stop_the_app(string? idle, string? absolute) =>
        Assert.Throws<InvalidOperationException>(() => SessionOptions.Read(Settings(idle, absolute)));

    private static IConfiguration Settings(string? idle, string? absolute) => new ConfigurationBuilder().AddInMemoryCollection(
        new Dictionary<string, string?> { ["Auth:Session:IdleMinutes"] = idle, ["Auth:Session:AbsoluteHours"] = absolute }).Build();

    [Fact]
    public void Every_host_cookie_is_made_secure_and_others_are_left_as_they_are()
    {
        var cookies = AnswerHeaders.SecureHostCookies(new StringValues([
            "__Host-lumoflow-antiforgery=abc; path=/; samesite=strict; httponly",
            "__Host-lumoflow-session=def; path=/; secure; samesite=strict; httponly",
            "lumoflow-signin=x; path=/signin/callback; secure; samesite=none",
        ]));

        Assert.Equal([
            "__Host-lumoflow-antiforgery=abc; path=/; samesite=strict; httponly; secure",
            "__Host-lumoflow-session=def; path=/; secure; samesite=strict; httponly",
            "lumoflow-signin=x; path=/signin/callback; secure; samesite=none",
        ], cookies.Select(c => c!).ToArray());
    }

    [Theory]
    [InlineData("lumoflow-app", "Production", true)]
    [InlineData("lumoflow-app", "Development", false)]
    [InlineData(null, "Production", false)]   // a local host started without Development, or the benchmark
    public void HSTS_is_sent_in_Azure_App_Service_only(string? siteName, string environment, bool sends)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WEBSITE_SITE_NAME"] = siteName }).Build();
        Assert.Equal(sends, AnswerHeaders.SendsHsts(settings, environment));
    }
}
