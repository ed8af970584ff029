using System.Globalization;
using System.Xml.Linq;
using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace LumoFlow.App.Auth;

/// <summary>
/// Where ASP.NET Core Data Protection keeps its key ring — the keys that sign the anti-forgery tokens of the form and
/// the staff pages — so that every instance of the app has the same ring. Without it each instance makes its own
/// (Flex Consumption has no shared file system), and a form served by one instance is refused by the next as expired.
/// No library our package source serves stores the ring in Azure Storage, so this is the documented
/// <see cref="IXmlRepository"/> contract over LumoFlow's own table: one row per element, never changed or deleted (Data
/// Protection retires a key by adding a revocation element). The XML holds the key material unencrypted; the table is
/// encrypted at rest and reached only with the app's identity, like the case records it protects forms for.
/// </summary>
public sealed class TableKeyRepository(TableClient table) : IXmlRepository
{
    private const string Partition = "key";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        table.Query<TableEntity>(e => e.PartitionKey == Partition).Select(e => XElement.Parse(e.GetString("Xml"))).ToList();

    /// <summary>
    /// The friendly name ("key-{id}", "revocation-…") is unique per element, but Data Protection does not promise it: a
    /// row key of our own.
    /// </summary>
    public void StoreElement(XElement element, string friendlyName) =>
        table.AddEntity(new TableEntity(Partition, string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"))
        {
            ["FriendlyName"] = friendlyName,
            ["Xml"] = element.ToString(SaveOptions.DisableFormatting),
        });
}
