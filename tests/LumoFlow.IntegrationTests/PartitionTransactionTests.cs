using Azure.Data.Tables;
using LumoFlow.Engine.Storage;

namespace LumoFlow.IntegrationTests;

/// <summary>Azurite accepts batches that Azure rejects; the guard makes the rules hold locally.</summary>
public sealed class PartitionTransactionTests
{
    [Fact]
    public void A_transaction_refuses_an_entity_of_another_partition()
    {
        var transaction = new PartitionTransaction("case-a");
        transaction.Add(TableTransactionActionType.Add, new TableEntity("case-a", "state"));
        var e = Assert.Throws<InvalidOperationException>(() =>
            transaction.Add(TableTransactionActionType.Add, new TableEntity("case-b", "state")));
        Assert.Contains("one partition", e.Message);
        Assert.Single(transaction.Actions);
    }

    [Fact]
    public void A_transaction_refuses_more_than_100_actions()
    {
        var transaction = new PartitionTransaction("case-a");
        for (var i = 0; i < PartitionTransaction.MaxActions; i++)
            transaction.Add(TableTransactionActionType.Add, new TableEntity("case-a", $"row-{i}"));
        Assert.Throws<InvalidOperationException>(() =>
            transaction.Add(TableTransactionActionType.Add, new TableEntity("case-a", "one-too-many")));
    }
}
