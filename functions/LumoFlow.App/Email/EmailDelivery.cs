using Azure;
using Azure.Data.Tables;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Email;

/// <summary>
/// Delivers one email of a case's outbox (the <c>email-…</c> rows the record keeps) at most once as far as LumoFlow can
/// tell: a delivery claims the row under its ETag before it sends, and marks it sent after. A repeated delivery of an
/// email already sent does nothing; one that finds another delivery's claim still running backs off and is retried.
/// Only a crash between sending and marking, or a send given up after <see cref="SendTimeout"/> that the server had in
/// fact taken, can send an email twice — SMTP and ACS cannot be asked first — and the email's stable id (Message-ID,
/// ACS Operation-Id) lets the receiving side drop that duplicate.
/// <para>An URGENT email to on-call is counted against its team's hourly cap before it is sent
/// (<see cref="OnCallAlerts"/>): past the cap it is held for the hour's summary instead, and a delivery of a held or
/// summarised email does nothing more.</para>
/// </summary>
public sealed class EmailDelivery(LumoFlowTables tables, IEmailSender sender, OnCallAlerts onCall, TimeProvider time, ILogger<EmailDelivery> logger)
{
    /// <summary>
    /// How long a claim keeps other deliveries of the same email away: longer than a send may take
    /// (<see cref="SendTimeout"/>), and short, because a claim whose delivery died with its process (SIGKILL mid-send)
    /// holds the email back until it runs out: every email queued before a crash is to go out within 60 s of the restart.
    /// </summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(30);

    /// <summary>A send that has not finished by then is given up and retried (the mail server hangs, say).</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(20);

    public async Task DeliverAsync(SendEmailInput input, CancellationToken cancellationToken)
    {
        var (caseId, emailId) = (input.CaseId, input.EmailId);
        var claim = new TableEntity(caseId, CaseRows.EmailPrefix + emailId)
        {
            ["Status"] = nameof(OutboxStatus.Sending),
            ["ClaimedUntil"] = time.GetUtcNow() + ClaimDuration,
        };
        // With the ETag its recording left, the email is claimed at once; if anything touched it since (an earlier
        // attempt, another delivery), it is read to see where it stands.
        if (input is { Email: { } recorded, RecordedAs: { } etag } && await TryClaimAsync(claim, new ETag(etag), cancellationToken) is { } claimedAtOnce)
        {
            await SendAsync(caseId, recorded, claimedAtOnce, cancellationToken);
            return;
        }

        var found = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(caseId, claim.RowKey, cancellationToken: cancellationToken);
        if (!found.HasValue) return; // never recorded (its step lost a race with a termination): nothing to send
        var row = found.Value!;
        switch (CaseRows.StatusOf(row))
        {
            case OutboxStatus.Sent or OutboxStatus.Summarised or OutboxStatus.Held: // held: the hour's summary sends it
                return;
            case OutboxStatus.Sending when row.GetDateTimeOffset("ClaimedUntil") > time.GetUtcNow():
                throw new EmailBusyException(emailId);
        }
        var claimed = await TryClaimAsync(claim, row.ETag, cancellationToken) ?? throw new EmailBusyException(emailId); // another delivery claimed it first
        await SendAsync(caseId, CaseRows.ReadEmail(row), claimed, cancellationToken);
    }

    /// <summary>The claim's ETag, or null when the row is no longer as expected (or gone).</summary>
    private async Task<ETag?> TryClaimAsync(TableEntity claim, ETag expected, CancellationToken cancellationToken)
    {
        try
        {
            return (await tables.Cases.UpdateEntityAsync(claim, expected, TableUpdateMode.Merge, cancellationToken)).Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    private async Task SendAsync(string caseId, LumoFlow.Domain.Messaging.Email email, ETag claimed, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(SendTimeout);
        try
        {
            if (onCall.Applies(email) && await onCall.HoldAsync(caseId, email, cancellationToken)) return;
            await sender.SendAsync(email, limit.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // No address or content in the log: the email's id and kind only.
            logger.LogWarning("Sending {Kind} email {EmailId} failed ({Error}); it will be retried", email.Kind, email.Id, e.GetType().Name);
            await ReleaseAsync(caseId, email.Id, claimed);
            if (e is OperationCanceledException) throw new TimeoutException($"Sending email {email.Id} took over {SendTimeout.TotalSeconds} s.", e);
            throw;
        }

        var sent = new TableEntity(caseId, CaseRows.EmailPrefix + email.Id) { ["Status"] = nameof(OutboxStatus.Sent), ["SentAt"] = time.GetUtcNow() };
        await tables.Cases.UpdateEntityAsync(sent, ETag.All, TableUpdateMode.Merge, cancellationToken);
        logger.LogInformation("Sent {Kind} email {EmailId}", email.Kind, email.Id);
    }

    private async Task ReleaseAsync(string caseId, string emailId, ETag claimed)
    {
        try
        {
            var queued = new TableEntity(caseId, CaseRows.EmailPrefix + emailId) { ["Status"] = nameof(OutboxStatus.Queued) };
            await tables.Cases.UpdateEntityAsync(queued, claimed, TableUpdateMode.Merge);
        }
        catch (RequestFailedException)
        {
            // The claim runs out by itself.
        }
    }
}

/// <summary>Another delivery of the same email is under way; this one is retried later.</summary>
public sealed class EmailBusyException(string emailId) : Exception($"Email {emailId} is being delivered by another attempt.");
