using Azure;
using Azure.Data.Tables;

namespace LumoFlow.Engine.Storage;

/// <summary>
/// An entity-group transaction on one partition (a case's, or an alarm bucket's): all its actions commit together
/// or none do.
/// Azure rejects a batch that spans partitions, but Azurite accepts it — so this guard makes the rule
/// hold locally too, before a test could pass on something that fails in Azure (platform.md, point 5).
/// </summary>
public sealed class PartitionTransaction(string partitionKey)
{
    /// <summary>Azure's limit on actions in one entity-group transaction.</summary>
    public const int MaxActions = 100;

    private readonly List<TableTransactionAction> _actions = [];

    public string PartitionKey { get; } = partitionKey;
    public IReadOnlyList<TableTransactionAction> Actions => _actions;

    public void Add(TableTransactionActionType type, ITableEntity entity, ETag etag = default)
    {
        if (entity.PartitionKey != PartitionKey)
            throw new InvalidOperationException(
                $"An entity-group transaction must stay in one partition: '{entity.PartitionKey}' is not '{PartitionKey}'.");
        if (_actions.Count == MaxActions)
            throw new InvalidOperationException($"An entity-group transaction holds at most {MaxActions} actions.");
        _actions.Add(new TableTransactionAction(type, entity, etag));
    }

    public async Task<Response<IReadOnlyList<Response>>> SubmitAsync(TableClient table, CancellationToken cancellationToken) =>
        await table.SubmitTransactionAsync(_actions, cancellationToken);
}
