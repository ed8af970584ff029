using System.Net;
using System.Net.Http.Json;
using Azure;
using Azure.Data.Tables;
using LumoFlow.App.Http;
using LumoFlow.App.Records;
using LumoFlow.IntegrationTests.Infrastructure;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// The access log against Azurite: a hash chain per partition that concurrent writers keep unbroken; every refusal and
/// failed sign-in in it; and <c>GET /api/admin/access-log/verify</c>, which finds an entry edited, deleted, or cut off
/// with its head moved back — the last only against the daily anchor, which these tests write as the timer would.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class AccessLogTests(DevServices services)
{
    /// <summary>A case with <paramref name="reads"/> reads by staff in its log (and the intake's none): its id.</summary>
    private static async Task<string> CaseReadAsync(LumoFlowApp app, int reads)
    {
        var caseId = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("verify"), "Kuopio"));
        await app.WaitForStatusAsync(caseId, s => (string?)s["team"] == "pohjois-savo");
        for (var i = 1; i < reads; i++) await app.StatusAsync(caseId, history: i % 2 == 0);
        return caseId;
    }

    private static async Task<JsonObject> VerifyAsync(LumoFlowApp app, string? caseId = null)
    {
        var response = await app.StaffClient("admin.auditor").GetAsync("/api/admin/access-log/verify" + (caseId is null ? "" : $"?caseId={caseId}"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<(string Partition, string RowKey, string Problem)> Broken(JsonObject verification) =>
        [.. verification["broken"]!.AsArray().Select(b => ((string)b!["partition"]!, (string)b["rowKey"]!, (string)b["problem"]!))];

    /// <summary>The case's entries, newest first (the head left out).</summary>
    private static Task<List<TableEntity>> EntriesAsync(LumoFlowApp app, string partition) =>
        app.Table("AccessLog").QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey != AccessChain.HeadRowKey).AllAsync();

    [Fact]
    public async Task An_entry_edited_in_the_table_is_reported_by_the_verification_and_the_dashboard_still_shows_the_log()
    {
        await using var app = new LumoFlowApp(services);
        var caseId = await CaseReadAsync(app, reads: 4);
        var clean = await VerifyAsync(app, caseId);
        Assert.True((bool)clean["ok"]!, clean.ToJsonString());
        Assert.Equal(4, (int)clean["checked"]!);
        Assert.Empty(Broken(clean));

        // Someone with write access to the table makes the second read another person's.
        var entries = await EntriesAsync(app, caseId);
        var edited = entries[2];
        edited["Actor"] = "someone.else@kunta.example";
        await app.Table("AccessLog").UpdateEntityAsync(edited, edited.ETag, TableUpdateMode.Replace);

        var verification = await VerifyAsync(app, caseId);
        Assert.False((bool)verification["ok"]!);
        Assert.Equal([(caseId, edited.RowKey, "altered")], Broken(verification));
        var everything = await VerifyAsync(app);
        Assert.Contains((caseId, edited.RowKey, "altered"), Broken(everything));
        Assert.True((int)everything["partitions"]! >= 2, everything.ToJsonString()); // the case's, and _admin with the verifications

        // The administrators' view of the case's access log: the entries, newest first, not the chain's head.
        var page = await (await app.StaffClient("admin.auditor").GetAsync($"/admin/cases/{caseId}?lang=en")).Content.ReadAsStringAsync();
        Assert.Contains("someone.else@kunta.example", page);
        Assert.Contains("Read the case&#x27;s status", page);
        var detail = await app.StaffClient("admin.auditor").GetFromJsonAsync<JsonObject>($"/api/admin/cases/{caseId}");
        var log = detail!["accessLog"]!.AsArray();
        Assert.Equal(6, log.Count); // four reads, the page and this one
        Assert.Equal("ReadAdminDetail", (string)log[0]!["action"]!);
    }

    [Fact]
    public async Task An_entry_deleted_from_the_table_is_reported_where_it_was()
    {
        await using var app = new LumoFlowApp(services);
        var caseId = await CaseReadAsync(app, reads: 4);
        var entries = await EntriesAsync(app, caseId);
        var deleted = entries[1];
        await app.Table("AccessLog").DeleteEntityAsync(caseId, deleted.RowKey);

        var verification = await VerifyAsync(app, caseId);
        Assert.False((bool)verification["ok"]!);
        Assert.Equal([(caseId, deleted.RowKey, "missing")], Broken(verification));
        Assert.Equal(3, (int)verification["checked"]!);
    }

    [Fact]
    public async Task The_newest_entries_cut_off_with_the_head_moved_back_show_against_the_daily_anchor_which_is_written_once_a_day()
    {
        await using var app = new LumoFlowApp(services);
        var caseId = await CaseReadAsync(app, reads: 3);
        var anchors = app.Services.GetRequiredService<AccessLogAnchors>();
        var run = await anchors.RunIfDueAsync(CancellationToken.None);
        Assert.NotNull(run);
        Assert.Null(await anchors.RunIfDueAsync(CancellationToken.None)); // once a day, whoever comes first

        // The anchor holds every chain's head: partitions, numbers and hashes, nothing about anyone.
        var container = new BlobServiceClient(services.StorageConnectionString).GetBlobContainerClient(anchors.ContainerName);
        var anchorText = (await container.GetBlobClient(run.Name).DownloadContentAsync()).Value.Content.ToString();
        var heads = JsonNode.Parse(anchorText)!["heads"]!.AsArray();
        Assert.Contains(heads, h => (string)h!["partition"]! == caseId && (long)h["seq"]! == 3);
        Assert.DoesNotContain("test.worker", anchorText, StringComparison.Ordinal);
        Assert.True((bool)(await VerifyAsync(app, caseId))["ok"]!);

        // The newest entry deleted, and the head moved back onto the one before: the chain itself looks whole.
        var entries = await EntriesAsync(app, caseId);
        await app.Table("AccessLog").DeleteEntityAsync(caseId, entries[0].RowKey);
        var head = (await app.Table("AccessLog").GetEntityAsync<TableEntity>(caseId, AccessChain.HeadRowKey)).Value;
        head[AccessChain.SeqColumn] = 2L;
        head[AccessChain.HashColumn] = entries[1][AccessChain.HashColumn];
        await app.Table("AccessLog").UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace);

        var verification = await VerifyAsync(app, caseId);
        Assert.False((bool)verification["ok"]!);
        Assert.Equal([(caseId, entries[0].RowKey, "missing")], Broken(verification));
        Assert.Equal(run.Name, (string)verification["anchor"]!);
    }

    [Fact]
    public async Task A_chain_rewritten_between_two_anchors_keeps_its_old_pin_in_the_next_and_a_chain_deleted_whole_is_missing()
    {
        await using var app = new LumoFlowApp(services);
        var rewritten = await CaseReadAsync(app, reads: 3);
        var deleted = await CaseReadAsync(app, reads: 2);
        var log = app.Services.GetRequiredService<AccessLog>();
        var container = new BlobServiceClient(services.StorageConnectionString)
            .GetBlobContainerClient(app.Services.GetRequiredService<AccessLogAnchors>().ContainerName);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));
        var anchors = new AccessLogAnchors(log, container, clock, NullLogger<AccessLogAnchors>.Instance);
        Assert.NotNull(await anchors.RunIfDueAsync(CancellationToken.None)); // yesterday's

        // Overnight: one chain rewritten from its first entry on, hashes, links and head and all; another deleted.
        var table = app.Table("AccessLog");
        var entries = (await EntriesAsync(app, rewritten)).OrderBy(e => AccessChain.SeqOf(e.RowKey)).ToList();
        entries[0]["Actor"] = "nobody@kunta.example";
        var previous = AccessChain.Genesis;
        foreach (var entry in entries)
        {
            entry[AccessChain.PrevColumn] = previous;
            entry.Remove(AccessChain.HashColumn);
            entry[AccessChain.HashColumn] = previous = AccessChain.HashOf(entry);
            await table.UpdateEntityAsync(entry, ETag.All, TableUpdateMode.Replace);
        }
        await table.UpdateEntityAsync(new TableEntity(rewritten, AccessChain.HeadRowKey)
        {
            [AccessChain.SeqColumn] = (long)entries.Count, [AccessChain.HashColumn] = previous,
        }, ETag.All, TableUpdateMode.Replace);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == deleted)) await table.DeleteEntityAsync(row);
        // And the chain goes on being written to.
        await app.StatusAsync(rewritten);

        clock.Advance(TimeSpan.FromDays(1));
        var today = await anchors.RunIfDueAsync(CancellationToken.None);
        Assert.Equal(2, today!.KeptFromBefore);

        var verification = await VerifyAsync(app);
        var broken = Broken(verification);
        Assert.Contains((rewritten, AccessChain.RowKeyOf(3), "anchor"), broken);
        Assert.Contains((deleted, AccessChain.RowKeyOf(1), "missing"), broken);
        Assert.Contains((deleted, AccessChain.RowKeyOf(2), "missing"), broken);
        Assert.Equal(today.Name, (string)verification["anchor"]!);
    }

    [Fact]
    public async Task Only_an_administrator_verifies_and_a_bad_case_id_is_400()
    {
        await using var app = new LumoFlowApp(services);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/admin/access-log/verify")).StatusCode);
        var worker = await app.SignedInClientAsync("SocialWorker", "pohjois-savo");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/admin/access-log/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.StaffClient().GetAsync("/api/admin/access-log/verify?caseId=not-a-case")).StatusCode);
        var refused = await VerifyAsync(app, AccessLog.RefusedPartition);
        Assert.True((bool)refused["ok"]!, refused.ToJsonString());
        Assert.Equal(2, (int)refused["checked"]!); // the two refusals above
        Assert.Null(refused["anchor"]); // nothing anchored yet
    }

    [Fact]
    public async Task Two_instances_writing_one_partition_at_once_make_one_unbroken_chain()
    {
        await using var app = new LumoFlowApp(services);
        var first = app.Services.GetRequiredService<AccessLog>();
        var table = app.Table("AccessLog");
        await table.CreateIfNotExistsAsync();
        var second = new AccessLog(table, TimeProvider.System);
        var who = new StaffIdentity("worker@kunta.example", StaffIdentity.TokenCredential, "127.0.0.1",
            LumoFlow.App.Auth.StaffRole.SocialWorker, "pohjois-savo");
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
        // A wrong function key: 401, as an unknown key — never the key, and never a name a header gives.
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
        Assert.Equal(("token", false, 401, "/api/admin/summary"),
            (token.GetString("Credential"), token.GetBoolean("Verified"), token.GetInt32("Status"), token.GetString("Route")));
        Assert.DoesNotContain(refused, e => e.GetString("Actor") == "key.user");
        var key = Assert.Single(refused, e => e.GetString("Actor") == "unknown key");
        Assert.Equal(("function-key", false, 401, caseId),
            (key.GetString("Credential"), key.GetBoolean("Verified"), key.GetInt32("Status"), key.GetString("CaseId")));
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
