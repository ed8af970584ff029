using System.Threading.Channels;

namespace LumoFlow.Engine;

/// <summary>
/// Cases to run in-process right away (after intake or an event queued email), so a receipt does not wait for
/// the next sweep. In-memory and lossy by design: the sweep finds anything a crash dropped from here.
/// </summary>
public sealed class CasePokes
{
    private readonly Channel<string> _channel = Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = false });

    public void Poke(string caseId) => _channel.Writer.TryWrite(caseId);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
