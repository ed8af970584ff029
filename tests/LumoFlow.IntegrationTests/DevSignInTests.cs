using System.Net;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// Issue 22: the development sign-in, which mints a token for anyone who asks, cannot run where it is off — not
/// enabled (the Azure template sets <c>LumoFlow__Auth__DevSignIn__Enabled=false</c>), or outside the Development
/// environment (a deployed app's is Production). Then <c>/signin/dev-token</c> and the development form answer 404.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class DevSignInTests(DevServices services)
{
    private static FormUrlEncodedContent Admin() => new(new Dictionary<string, string>
    {
        ["name"] = "Mallory", ["account"] = "mallory@evil.example", ["role"] = "Admin",
    });

    public static TheoryData<string, string> Off() => new()
    {
        { "Development", "false" },   // as the Azure template sets it
        { "Production", "true" },     // enabled in settings (the sample's), but a deployed app's environment
        { "Staging", "true" },
    };

    [Theory]
    [MemberData(nameof(Off))]
    public async Task The_development_sign_in_answers_404_when_it_is_off(string environment, string enabled)
    {
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["LumoFlow:Auth:DevSignIn:Enabled"] = enabled })
        {
            HostEnvironment = environment,
        };
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/signin/dev-token", Admin())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/signin", Admin())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/signin")).StatusCode);
        // The rest of the app runs.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task In_the_Development_environment_and_enabled_it_runs()
    {
        await using var app = new LumoFlowApp(services);

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsync("/signin/dev-token", Admin())).StatusCode);
    }
}
