using Azure.Data.Tables;

namespace LumoFlow.App.Records;

/// <summary>
/// Stores a long text in one entity as several string properties (<c>Text0</c>, <c>Text1</c>, …),
/// because a Table string property holds at most 64 KiB (32K UTF-16 characters) while an entity holds 1 MiB.
/// A 256 KiB notification fits.
/// </summary>
public static class ChunkedText
{
    private const int CharsPerProperty = 30_000;

    public static void Write(TableEntity entity, string text, string name = "Text")
    {
        var chunks = 0;
        for (var start = 0; start < text.Length; start += CharsPerProperty, chunks++)
            entity[name + chunks] = text.Substring(start, Math.Min(CharsPerProperty, text.Length - start));
        entity[name + "Chunks"] = chunks;
    }

    public static string Read(TableEntity entity, string name = "Text")
    {
        var chunks = entity.GetInt32(name + "Chunks") ?? 0;
        return string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(name + i)));
    }
}
