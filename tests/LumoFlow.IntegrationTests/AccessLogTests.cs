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
}
