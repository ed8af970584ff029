using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace LumoFlow.LocalHost;

/// <summary>
/// The local stand-in for what the Azure Functions host's Durable extension does: a gRPC endpoint that the Durable
/// Task SDK's worker and client talk to, over Durable's own Azure Storage backend (here on Azurite).
/// <para>It is <see cref="TaskHubGrpcServer"/> from Microsoft.DurableTask.InProcessTestHost — a <b>preview</b> package
/// — so this class is the only code that touches it; swapping it for another sidecar changes nothing else. It runs in
/// an inner Kestrel host on a Unix domain socket (no port to collide with, reachable only from this machine), started
/// before the SDK's worker and stopped after it, so the worker closes its stream first (one host for both hung on
/// shutdown). Known limits of this sidecar: one worker connection, no entities, it accepts purging a running
/// instance (LumoFlow never asks it to), it renews no work item (<see cref="RenewedActivityLocks"/> does, for
/// activities), and it keeps no session between an orchestration's episodes (<see cref="ExtendedSessions"/> does).
/// It stops the backend even when it never started it: see <see cref="StopOnlyIfStarted"/>.</para>
/// </summary>
/// <param name="service">The backend as the sidecar's dispatchers use it (<see cref="ExtendedSessions"/> over
/// <see cref="RenewedActivityLocks"/> over <paramref name="backend"/>).</param>
/// <param name="backend">Durable's Azure Storage backend: created at the start, and the client's side of it.</param>
internal sealed class DurableTaskSidecar(IOrchestrationService service, AzureStorageOrchestrationService backend, string socketPath,
    ILoggerFactory loggerFactory) : IHostedService
{
    private const int MaxMessageBytes = 16 * 1024 * 1024;
    private WebApplication? _server;

    /// <summary>A socket path of this process's own.</summary>
    public static string NewSocketPath() => Path.Combine(Path.GetTempPath(), $"lumoflow-durable-{Environment.ProcessId}-{Guid.NewGuid():N}.sock");

    /// <summary>The SDK's channel to the sidecar at <paramref name="socketPath"/> (HTTP/2 without TLS, as on loopback).</summary>
    public static GrpcChannel ChannelTo(string socketPath) => GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
    {
        MaxReceiveMessageSize = MaxMessageBytes,
        HttpHandler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        },
    });

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await backend.CreateIfNotExistsAsync(); // the task hub: control and work-item queues, History and Instances tables, lease blobs
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.SuppressStatusMessages(true); // the app itself announces that it started
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socketPath, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = MaxMessageBytes);
        builder.Services.AddSingleton<IOrchestrationService>(new StopOnlyIfStarted(service, loggerFactory.CreateLogger<DurableTaskSidecar>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(backend);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _server = builder.Build();
        _server.MapGrpcService<TaskHubGrpcServer>();
        await _server.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null) return;
        // Stopping makes TaskHubGrpcServer stop its dispatchers and the backend.
        await _server.StopAsync(cancellationToken);
        await _server.DisposeAsync();
        File.Delete(socketPath);
    }
}
