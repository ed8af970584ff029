using LumoFlow.App.Records;
using Microsoft.Extensions.Hosting;

namespace LumoFlow.Functions;

/// <summary>
/// Creates LumoFlow's tables if they are missing when the worker starts (in Azure the Bicep template has created them;
/// under <c>func start</c> on a fresh Azurite nothing has). The local host does the same before it serves requests.
/// </summary>
public sealed class TablesOnStart(LumoFlowTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.EnsureCreatedAsync(cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
