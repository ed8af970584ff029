using Xunit.Abstractions;

namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>
/// A figure a test measured (the fuzz's histogram, the recovery time): in the test's output, and appended to
/// <c>.run/test-figures.txt</c>, since <c>./test.sh</c> shows no test's output.
/// </summary>
public static class Figures
{
    private static readonly object Gate = new();

    public static void Record(ITestOutputHelper output, string test, string figure)
    {
        output.WriteLine(figure);
        var folder = Path.Combine(DevServices.RepositoryRoot, ".run");
        Directory.CreateDirectory(folder);
        lock (Gate) File.AppendAllText(Path.Combine(folder, "test-figures.txt"), $"{DateTime.UtcNow:u} {test}: {figure}{Environment.NewLine}");
    }
}
