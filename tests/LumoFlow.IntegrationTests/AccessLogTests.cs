using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using LumoFlow.App.Http;
using LumoFlow.App.Records;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.IntegrationTests;

[Collection(DevServicesCollection.Name)]
public sealed class AccessLogTests(DevServices services)
{
    [Fact]
    public async Task Two_instances_writing_one_partition_at_once_make_one_unbroken_chain()
    {
        await using var app = new LumoFlowApp(services);
        var first = app.Services.GetRequiredService<AccessLog>();
        var table = app.Table("AccessLog");
        await table.CreateIfNotExistsAsync();
        var second = new AccessLog(table, TimeProvider.System);
        var who = new StaffIdentity("worker@kunta.example", StaffIdentity.TokenCredential, "127.0.0.1", LumoFlow.App.Auth.StaffRole.SocialWorker, "pohjois-savo");
        const string partition = "CONCURRENTWRITES";
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? first : second).RecordAsync(partition, who, $"Read{i}", CancellationToken.None)));

        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == partition).AllAsync();
        var head = rows.Single(r => r.RowKey == AccessChain.HeadRowKey);
        var check = AccessChain.Verify(partition, rows, head, null);
        Assert.Empty(check.Broken);
        Assert.Equal(40, check.Checked);
        Assert.Equal(40, check.LastSeq);
    }

    /// <summary>The <c>_refused</c> partition's entries, newest first.</summary>
    private static Task<List<TableEntity>> RefusedAsync(LumoFlowApp app) =>
        app.Table("AccessLog").QueryAsync<TableEntity>(e => e.PartitionKey == AccessLog.RefusedPartition && e.RowKey != AccessChain.HeadRowKey).AllAsync();

    [Fact]
    public async Task Every_refusal_at_the_gate_and_every_failed_sign_in_is_logged_with_who_claimed_to_call_the_route_and_the_case()
    {
        await using var app = new LumoFlowApp(services);
        var caseId = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("refused"), "Kuopio"));

        // No credential: 401, the case named by the route.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/cases/{caseId}?showHistory=true")).StatusCode);
        // A token that is not valid: 401, the account it claims (unchecked).
        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", ForgedToken("mallory@kunta.example"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/admin/summary")).StatusCode);
        // A wrong function key: 401, the name its user gave, and never the key.
        var wrongKey = app.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("x-functions-key", "not-the-key-0123456789");
        wrongKey.DefaultRequestHeaders.Add("x-lumoflow-user", "key.user");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync($"/api/admin/cases/{caseId}?code=also-not-the-key")).StatusCode);
        // A signed-in social worker on an administrators' route: 403, who they are (checked).
        var worker = await app.SignedInClientAsync("SocialWorker", "pohjois-savo", "curious.worker@kunta.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsync($"/api/admin/cases/{caseId}/purge?reason=x", null)).StatusCode);
        // A failed sign-in.
        var signIn = await app.CreateClient().PostAsync("/signin/dev-token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["account"] = "who.ever@kunta.example", ["role"] = "Boss" }));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);

        var refused = await RefusedAsync(app);
        Assert.Equal(5, refused.Count);
        var anonymous = Assert.Single(refused, e => e.GetString("Actor") == "anonymous");
        Assert.Equal(("Refused", 401, "GET", $"/api/cases/{caseId}", caseId, "none", false),
            (anonymous.GetString("Action"), anonymous.GetInt32("Status"), anonymous.GetString("Method"), anonymous.GetString("Route"),
             anonymous.GetString("CaseId"), anonymous.GetString("Credential"), anonymous.GetBoolean("Verified")));
        var token = Assert.Single(refused, e => e.GetString("Actor") == "mallory@kunta.example");
        Assert.Equal(("token", false, 401, "/api/admin/summary"), (token.GetString("Credential"), token.GetBoolean("Verified"), token.GetInt32("Status"), token.GetString("Route")));
        var key = Assert.Single(refused, e => e.GetString("Actor") == "key.user");
        Assert.Equal(("function-key", false, 401, caseId), (key.GetString("Credential"), key.GetBoolean("Verified"), key.GetInt32("Status"), key.GetString("CaseId")));
        Assert.DoesNotContain(refused, e => e.Select(p => p.Value).OfType<string>().Any(v => v.Contains("not-the-key", StringComparison.Ordinal)));
        var role = Assert.Single(refused, e => e.GetString("Actor") == "curious.worker@kunta.example");
        Assert.Equal((403, true, "SocialWorker", "pohjois-savo", "POST"),
            (role.GetInt32("Status"), role.GetBoolean("Verified"), role.GetString("Role"), role.GetString("Team"), role.GetString("Method")));
        var failed = Assert.Single(refused, e => e.GetString("Action") == "SignInFailed");
        Assert.Equal(("who.ever@kunta.example", "dev-sign-in", 400), (failed.GetString("Actor"), failed.GetString("Credential"), failed.GetInt32("Status")));
        Assert.All(refused, e => Assert.NotNull(e.GetString("Reason")));

        // None of them reached the case's own log: a refusal at the gate is not a read of the case.
        var caseLog = await app.Table("AccessLog").QueryAsync<TableEntity>(e => e.PartitionKey == caseId).AllAsync();
        Assert.DoesNotContain(caseLog, e => e.GetString("Action") == "Refused");
    }

    /// <summary>A token shaped as the development sign-in's, signed with a key that is not the app's.</summary>
    private static string ForgedToken(string account) => new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(
        new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = LumoFlow.App.Auth.StaffAuthOptions.DevIssuer, Audience = LumoFlow.App.Auth.StaffAuthOptions.DevAudience,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["preferred_username"] = account, ["roles"] = new[] { "Admin" } },
            SigningCredentials = new(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey("a-key-that-is-not-the-app-s-own-32-bytes"u8.ToArray()),
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
}
