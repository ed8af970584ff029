using System.Net.Sockets;
using Azure;
using Grpc.Core;

namespace LumoFlow.App.Http;

/// <summary>
/// When storage (LumoFlow's tables, or Durable's task hub behind the Durable client) cannot be reached, a request is
/// answered <c>503 Service Unavailable</c> with <c>Retry-After</c>: nothing it would have written is half-written, and
/// the client may simply send it again (with an Idempotency-Key, onto the same case).
/// </summary>
public static class StorageUnavailable
{
    public const int RetryAfterSeconds = 10;

    public static bool Is(Exception e) => e switch
    {
        RequestFailedException { Status: 0 or >= 500 } => true,
        RpcException { StatusCode: StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.DeadlineExceeded } => true,
        HttpRequestException or SocketException or TimeoutException => true,
        AggregateException { InnerExceptions: var inner } => inner.Any(Is),
        _ => e.InnerException is { } cause && Is(cause),
    };

    /// <summary>Runs <paramref name="handle"/>, answering 503 when storage is unavailable.</summary>
    public static async Task<IResult> Guard(Func<Task<IResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (Exception e) when (Is(e))
        {
            return new Answer();
        }
    }

    private sealed class Answer : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Web.ErrorPages.IsPage(context.Request))
                return Web.WebPage.Message(StatusCodes.Status503ServiceUnavailable, Web.WebPage.Language(context.Request), Web.Words.CommonWords.StorageTitle,
                    Web.Words.CommonWords.Storage.With(RetryAfterSeconds), languageSwitch: null).ExecuteAsync(context);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable",
                detail: $"LumoFlow cannot reach its storage right now, and nothing was stored. Send the request again in {RetryAfterSeconds} seconds.")
                .ExecuteAsync(context);
        }
    }
}
