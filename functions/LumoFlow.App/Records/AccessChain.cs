using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace LumoFlow.App.Records;

/// <summary>
/// The access log's hash chain, pure (no I/O): how an entry is hashed, where it sits, and how a partition's chain is
/// checked against its head and its anchor (<see cref="AccessLog"/> writes it, <see cref="AccessLogAnchors"/> anchors
/// and verifies it).
/// <para>Each partition of the <c>AccessLog</c> table is one chain. Entry <c>n</c> (from 1) has the row key
/// <see cref="RowKeyOf"/>(n) — newest first, as before — and carries <c>Seq</c> = n, <c>Prev</c> = the hash of entry
/// n−1 (<see cref="Genesis"/> for the first) and <c>Hash</c> = SHA-256 of every other property of its row, the keys
/// and <c>Prev</c> included (<see cref="Canonical"/>). The row <see cref="HeadRowKey"/> of the partition holds the
/// newest entry's <c>Seq</c> and <c>Hash</c>: a writer adds entry n+1 and moves the head in one transaction, on the
/// head's ETag, so two writers can never both chain on the same predecessor.</para>
/// <para>An entry's hash covers every column, whatever its name: a column added later, or by someone else, is
/// covered too. Values are hashed as text (dates to the millisecond, UTC), so a value reads back the same however
/// the storage types it.</para>
/// </summary>
public static class AccessChain
{
    public const string HeadRowKey = "head";
    public const string SeqColumn = "Seq";
    public const string PrevColumn = "Prev";
    public const string HashColumn = "Hash";

    /// <summary>The <c>Prev</c> of a partition's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>How many missing rows one gap reports at most (a whole partition deleted would otherwise list every one).</summary>
    public const int MaxMissingReported = 100;

    /// <summary>What is wrong with a row, in <see cref="Broken.Problem"/>.</summary>
    public static class Problems
    {
        /// <summary>The row's contents do not match its own hash: it was edited.</summary>
        public const string Altered = "altered";
        /// <summary>The row does not follow the entry before it: an entry before it was replaced or inserted.</summary>
        public const string Unlinked = "unlinked";
        /// <summary>No row has this entry's number: it was deleted (the row key is where it was).</summary>
        public const string Missing = "missing";
        /// <summary>A row that is no entry of the chain: no number, no hash, or a number that is not its row key's.</summary>
        public const string Unchained = "unchained";
        /// <summary>The head does not name the newest entry.</summary>
        public const string Head = "head";
        /// <summary>The entry the last anchor names has another hash now.</summary>
        public const string Anchor = "anchor";
    }

    public sealed record Broken(string Partition, string RowKey, string Problem);

    /// <summary>A chain's head as an anchor keeps it: the partition, its newest entry's number and hash.</summary>
    public sealed record Pin(string Partition, long Seq, string Hash);

    /// <summary>What checking one partition found: how many entries it checked, what is broken, and where the chain ends.</summary>
    public sealed record PartitionCheck(int Checked, IReadOnlyList<Broken> Broken, long LastSeq);

    /// <summary>Entry n's row key: newest first (the largest n has the smallest key), 19 digits.</summary>
    public static string RowKeyOf(long seq) => (long.MaxValue - seq).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The entry number of a row key; null for a key that is not an entry's.</summary>
    public static long? SeqOf(string rowKey) =>
        rowKey.Length == 19 && long.TryParse(rowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var inverted) && inverted < long.MaxValue
            ? long.MaxValue - inverted
            : null;

    private static readonly HashSet<string> NotHashed = new(StringComparer.Ordinal) { HashColumn, "Timestamp", "odata.etag" };

    /// <summary>
    /// The row as the text its hash is taken of: a JSON array of <c>[name, value]</c> for every property but
    /// <c>Hash</c> and the storage's own <c>Timestamp</c> and ETag, in ordinal order of name, nulls left out.
    /// </summary>
    public static string Canonical(IEnumerable<KeyValuePair<string, object?>> row)
    {
        var pairs = row
            .Where(p => !NotHashed.Contains(p.Key) && p.Value is not null)
            .Select(p => new[] { p.Key, ValueText(p.Value!) })
            .OrderBy(p => p[0], StringComparer.Ordinal)
            .ToList();
        return JsonSerializer.Serialize(pairs);
    }

    /// <summary>SHA-256 of <see cref="Canonical"/>, lowercase hex.</summary>
    public static string HashOf(IEnumerable<KeyValuePair<string, object?>> row) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(row))));

    public static string HashOf(TableEntity row) => HashOf(row.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));

    /// <summary>A value as text, the same whichever type the table storage reads it back as.</summary>
    private static string ValueText(object value) => value switch
    {
        string s => s,
        DateTimeOffset d => Instant(d.UtcDateTime),
        DateTime d => Instant(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        byte[] bytes => Convert.ToBase64String(bytes),
        BinaryData data => Convert.ToBase64String(data.ToArray()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A text column; null when there is none, or it is not text.</summary>
    public static string? Text(TableEntity row, string column) => row.TryGetValue(column, out var value) ? value as string : null;

    /// <summary>A whole number in a column, however the storage typed it; null when there is none.</summary>
    public static long? Number(TableEntity row, string column) =>
        row.TryGetValue(column, out var value) ? value switch
        {
            long l => l,
            int i => i,
            string s when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        } : null;

    /// <summary>
    /// Checks one partition: every entry's own hash, every link to the entry before it, no entry number left out, the
    /// head naming the newest entry, and the entry the anchor pinned still having the hash it had then.
    /// </summary>
    /// <param name="rows">The partition's rows, the head among them or not (it is passed as <paramref name="head"/>).</param>
    /// <param name="head">The partition's head row; null when it has none.</param>
    /// <param name="anchor">What the last anchor holds of this partition; null when it holds nothing.</param>
    public static PartitionCheck Verify(string partition, IEnumerable<TableEntity> rows, TableEntity? head, Pin? anchor)
    {
        var broken = new List<Broken>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        void Report(string rowKey, string problem)
        {
            if (reported.Add(rowKey)) broken.Add(new Broken(partition, rowKey, problem));
        }
        void Missing(long from, long to)
        {
            for (var seq = from; seq <= to && seq < from + MaxMissingReported; seq++) Report(RowKeyOf(seq), Problems.Missing);
        }

        var chain = new SortedDictionary<long, TableEntity>();
        foreach (var row in rows)
        {
            if (row.RowKey == HeadRowKey) continue;
            var seq = SeqOf(row.RowKey);
            if (seq is null || Number(row, SeqColumn) != seq || Text(row, HashColumn) is null || Text(row, PrevColumn) is null)
                Report(row.RowKey, Problems.Unchained);
            else
                chain[seq.Value] = row;
        }

        long expected = 1;
        var previous = Genesis;
        foreach (var (seq, row) in chain)
        {
            var gap = seq > expected;
            if (gap) Missing(expected, seq - 1);
            var hash = Text(row, HashColumn)!;
            if (HashOf(row) != hash) Report(row.RowKey, Problems.Altered);
            else if (!gap && Text(row, PrevColumn) != previous) Report(row.RowKey, Problems.Unlinked);
            previous = hash;
            expected = seq + 1;
        }
        var last = expected - 1;

        if (head is not null)
        {
            var headSeq = Number(head, SeqColumn) ?? -1;
            if (headSeq > last) Missing(last + 1, headSeq);
            else if (headSeq < last || Text(head, HashColumn) != (last == 0 ? null : previous)) Report(HeadRowKey, Problems.Head);
        }
        else if (chain.Count > 0)
            Report(HeadRowKey, Problems.Head);

        if (anchor is not null)
        {
            if (anchor.Seq > last) Missing(last + 1, anchor.Seq);
            else if (chain.TryGetValue(anchor.Seq, out var pinned))
            {
                if (Text(pinned, HashColumn) != anchor.Hash) Report(pinned.RowKey, Problems.Anchor);
            }
            else Report(RowKeyOf(anchor.Seq), Problems.Missing);
        }
        return new PartitionCheck(chain.Count, broken, last);
    }
}
