namespace LumoFlow.IntegrationTests.Infrastructure;

public static class AsyncItems
{
    /// <summary>
    /// Reads a whole query. (Not ToListAsync: .NET's System.Linq.AsyncEnumerable and the System.Linq.Async package that
    /// Durable's dependencies bring both define one.)
    /// </summary>
    public static async Task<List<T>> AllAsync<T>(this IAsyncEnumerable<T> items)
    {
        var all = new List<T>();
        await foreach (var item in items) all.Add(item);
        return all;
    }
}
