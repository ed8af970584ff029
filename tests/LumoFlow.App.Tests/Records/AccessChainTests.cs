using Azure.Data.Tables;
using LumoFlow.App.Records;
using static LumoFlow.App.Records.AccessChain;

namespace LumoFlow.App.Tests.Records;

/// <summary>
/// The access log's hash chain without storage (<see cref="AccessChain"/>): a chain built as <see cref="AccessLog"/>
/// builds one, then tampered with the ways someone with write access to the table could, each of which must show
/// where it was done. The same chain against Azurite: <c>AccessLogTests</c> in the integration tests.
/// </summary>
public sealed class AccessChainTests
{
    private const string Case = "ABCDEFGHJKMNPQRS";
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A chain of <paramref name="count"/> entries and its head, as the writer makes them.</summary>
    private static (List<TableEntity> Entries, TableEntity Head) Chain(int count, string partition = Case)
    {
        var entries = new List<TableEntity>();
        var previous = Genesis;
        for (var seq = 1L; seq <= count; seq++)
        {
            var entry = new TableEntity(partition, RowKeyOf(seq))
            {
                ["At"] = Start.AddMinutes(seq).AddTicks(1234),
                ["Actor"] = $"worker{seq}@kunta.example",
                ["Credential"] = "token",
                ["Role"] = "SocialWorker",
                ["Action"] = seq % 2 == 0 ? "ReadStatus" : "Event:ChildMet",
                ["Status"] = 403,
                [SeqColumn] = seq,
                [PrevColumn] = previous,
            };
            entry[HashColumn] = previous = HashOf(entry);
            entries.Add(entry);
        }
        var head = new TableEntity(partition, HeadRowKey) { [SeqColumn] = (long)count, [HashColumn] = previous };
        return (entries, head);
    }

    private static List<(string RowKey, string Problem)> Problems(PartitionCheck check) => [.. check.Broken.Select(b => (b.RowKey, b.Problem))];

    [Fact]
    public void An_untouched_chain_checks_out_with_its_head_and_its_anchor()
    {
        var (entries, head) = Chain(5);
        var check = Verify(Case, entries, head, new Pin(Case, 3, (string)entries[2][HashColumn]));
        Assert.Empty(check.Broken);
        Assert.Equal(5, check.Checked);
        Assert.Equal(5, check.LastSeq);
        Assert.Empty(Verify(Case, [], null, null).Broken);
    }

    [Fact]
    public void Row_keys_are_newest_first_and_name_their_entry()
    {
        Assert.True(string.CompareOrdinal(RowKeyOf(2), RowKeyOf(1)) < 0);
        Assert.True(string.CompareOrdinal(RowKeyOf(1), HeadRowKey) < 0, "the head sorts after every entry");
        Assert.Equal(19, RowKeyOf(1).Length);
        Assert.Equal(42, SeqOf(RowKeyOf(42)));
        Assert.Null(SeqOf(HeadRowKey));
        Assert.Null(SeqOf("0639000000000000000-abc"));
    }

    [Fact]
    public void An_edited_entry_is_reported_and_only_it()
    {
        var (entries, head) = Chain(5);
        entries[2]["Actor"] = "someone.else@kunta.example";
        Assert.Equal([(RowKeyOf(3), AccessChain.Problems.Altered)], Problems(Verify(Case, entries, head, null)));
    }

    [Fact]
    public void A_column_added_to_an_entry_or_one_removed_is_an_edit_too()
    {
        var (entries, head) = Chain(3);
        entries[0]["Note"] = "added later";
        entries[1].Remove("Role");
        Assert.Equal([(RowKeyOf(1), AccessChain.Problems.Altered), (RowKeyOf(2), AccessChain.Problems.Altered)], Problems(Verify(Case, entries, head, null)));
    }

    [Fact]
    public void An_entry_edited_and_hashed_again_breaks_the_link_to_the_next()
    {
        var (entries, head) = Chain(5);
        entries[2]["Action"] = "ReadStatus";
        entries[2][HashColumn] = HashOf(entries[2]);
        Assert.Equal([(RowKeyOf(4), AccessChain.Problems.Unlinked)], Problems(Verify(Case, entries, head, null)));
    }

    [Fact]
    public void A_deleted_entry_is_reported_where_it_was()
    {
        var (entries, head) = Chain(5);
        entries.RemoveAt(1);
        Assert.Equal([(RowKeyOf(2), AccessChain.Problems.Missing)], Problems(Verify(Case, entries, head, null)));
    }

    [Fact]
    public void The_newest_entries_deleted_are_missing_by_the_head_and_with_the_head_moved_back_by_the_anchor()
    {
        var (entries, head) = Chain(5);
        var anchor = new Pin(Case, 5, (string)entries[4][HashColumn]);
        entries.RemoveRange(3, 2);
        Assert.Equal([(RowKeyOf(4), AccessChain.Problems.Missing), (RowKeyOf(5), AccessChain.Problems.Missing)],
            Problems(Verify(Case, entries, head, null)));

        var movedBack = new TableEntity(Case, HeadRowKey) { [SeqColumn] = 3L, [HashColumn] = entries[2][HashColumn] };
        Assert.Empty(Verify(Case, entries, movedBack, null).Broken); // without an anchor, a cut tail cannot show
        Assert.Equal([(RowKeyOf(4), AccessChain.Problems.Missing), (RowKeyOf(5), AccessChain.Problems.Missing)],
            Problems(Verify(Case, entries, movedBack, anchor)));
    }

    [Fact]
    public void A_chain_rewritten_from_an_entry_on_with_a_new_head_is_caught_by_the_anchor()
    {
        var (entries, _) = Chain(4);
        var anchor = new Pin(Case, 4, (string)entries[3][HashColumn]);
        entries[1]["Actor"] = "nobody@kunta.example";
        for (var i = 1; i < entries.Count; i++)
        {
            entries[i][PrevColumn] = entries[i - 1][HashColumn];
            entries[i][HashColumn] = HashOf(entries[i]);
        }
        var head = new TableEntity(Case, HeadRowKey) { [SeqColumn] = 4L, [HashColumn] = entries[3][HashColumn] };
        Assert.Empty(Verify(Case, entries, head, null).Broken);
        Assert.Equal([(RowKeyOf(4), AccessChain.Problems.Anchor)], Problems(Verify(Case, entries, head, anchor)));
    }

    [Fact]
    public void A_whole_partition_deleted_is_missing_by_its_anchor()
    {
        var (entries, _) = Chain(3);
        var check = Verify(Case, [], null, new Pin(Case, 3, (string)entries[2][HashColumn]));
        Assert.Equal([RowKeyOf(1), RowKeyOf(2), RowKeyOf(3)], check.Broken.Select(b => b.RowKey));
        Assert.All(check.Broken, b => Assert.Equal(AccessChain.Problems.Missing, b.Problem));
    }

    [Fact]
    public void A_row_put_in_without_a_place_in_the_chain_or_moved_to_another_place_is_reported()
    {
        var (entries, head) = Chain(3);
        entries.Add(new TableEntity(Case, "0639000000000000000-abc") { ["Actor"] = "x", ["Action"] = "ReadStatus" });
        var moved = new TableEntity(Case, RowKeyOf(7));
        foreach (var (name, value) in entries[0]) if (name is not ("PartitionKey" or "RowKey")) moved[name] = value;
        entries.Add(moved);
        var problems = Problems(Verify(Case, entries, head, null));
        Assert.Contains(("0639000000000000000-abc", AccessChain.Problems.Unchained), problems);
        Assert.Contains((RowKeyOf(7), AccessChain.Problems.Unchained), problems); // its Seq is not its row key's
    }

    [Fact]
    public void An_entry_copied_into_another_partition_does_not_hash_the_same()
    {
        var (entries, _) = Chain(1);
        var copy = new TableEntity("ZZZZZZZZZZZZZZZZ", entries[0].RowKey);
        foreach (var (name, value) in entries[0]) if (name is not ("PartitionKey" or "RowKey")) copy[name] = value;
        Assert.Equal([(RowKeyOf(1), AccessChain.Problems.Altered)], Problems(Verify("ZZZZZZZZZZZZZZZZ", [copy], null, null)).Take(1));
    }

    [Fact]
    public void A_head_that_names_another_hash_or_no_head_at_all_is_reported()
    {
        var (entries, head) = Chain(2);
        head[HashColumn] = new string('f', 64);
        Assert.Equal([(HeadRowKey, AccessChain.Problems.Head)], Problems(Verify(Case, entries, head, null)));
        Assert.Equal([(HeadRowKey, AccessChain.Problems.Head)], Problems(Verify(Case, entries, null, null)));
    }

    [Fact]
    public void A_value_hashes_the_same_however_the_storage_types_it_when_read_back()
    {
        var written = new TableEntity(Case, RowKeyOf(1))
        {
            ["At"] = new DateTimeOffset(2026, 5, 4, 12, 0, 0, 123, TimeSpan.FromHours(3)).AddTicks(4567),
            ["Seq"] = 1L, ["Status"] = 403, ["Ratio"] = 2.0, ["Verified"] = false, ["Reason"] = null,
        };
        var read = new TableEntity(Case, RowKeyOf(1))
        {
            ["At"] = new DateTimeOffset(2026, 5, 4, 9, 0, 0, 123, TimeSpan.Zero), // UTC, to the millisecond
            ["Seq"] = 1, ["Status"] = 403L, ["Ratio"] = 2, ["Verified"] = false,
            ["Timestamp"] = DateTimeOffset.UtcNow, ["odata.etag"] = "W/\"x\"",
        };
        Assert.Equal(HashOf(written), HashOf(read));
    }

    [Fact]
    public void The_canonical_text_names_every_column_in_order_and_cannot_be_shifted_between_columns()
    {
        var one = new TableEntity("P", "R") { ["A"] = "x\",\"B", ["B"] = "" };
        var two = new TableEntity("P", "R") { ["A"] = "x", ["B"] = "\",\"B" };
        Assert.NotEqual(HashOf(one), HashOf(two));
        Assert.StartsWith("[[\"A\",", Canonical(one.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value))));
    }
}
