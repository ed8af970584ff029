using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using LumoFlow.Domain.Notifications;

namespace LumoFlow.App.Records;

/// <summary>
/// Finds earlier cases of the same child so a new notification is linked to an open case, never lost among
/// separate ones (THL). Keyed by an HMAC of the identity code under a secret key, so the table holds
/// no identity code and its keys cannot be reversed by trying all codes without the secret.
/// </summary>
public sealed class ChildIndex(TableClient table, byte[] secret)
{
    public string KeyOf(PersonalIdentityCode code) =>
        Convert.ToHexString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(code.Value)))[..40];

    /// <summary>The ids of every case ever registered for these children (the caller checks which are still open).</summary>
    public async Task<IReadOnlyList<string>> CasesOfAsync(IEnumerable<string> childKeys, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var key in childKeys.Distinct())
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {key}"),
                               select: ["RowKey"], cancellationToken: cancellationToken))
                found.Add(row.RowKey);
        return found.Distinct().ToList();
    }

    /// <summary>Registers the case for each child. Written before the case itself: an entry for a case that never got written is ignored on lookup.</summary>
    public async Task RegisterAsync(IEnumerable<string> childKeys, string caseId, CancellationToken cancellationToken)
    {
        foreach (var key in childKeys.Distinct())
            await table.UpsertEntityAsync(new TableEntity(key, caseId), TableUpdateMode.Replace, cancellationToken);
    }
}
