using LumoFlow.App.Orchestration;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace LumoFlow.App.Tests.Simulation;

/// <summary>
/// Runs <see cref="CaseOrchestration"/> the way Durable would, but on a virtual clock and in memory: timers complete
/// when the clock reaches them, events when a test raises them, activities at once against <see cref="InMemoryCase"/>,
/// and ContinueAsNew starts the next generation with the new input (carrying over events not yet taken). Months of a
/// case run in milliseconds. Continuations run on one thread, pumped until the orchestrator waits again, so every run
/// is deterministic.
/// </summary>
internal sealed class SimulatedOrchestration
{
    private readonly CaseOrchestration _orchestration;
    private readonly Pump _pump = new();
    private readonly List<(DateTime FireAt, TaskCompletionSource Done)> _timers = [];
    private readonly Queue<CaseEventMessage> _buffered = new();
    private TaskCompletionSource<CaseEventMessage>? _waiter;
    private Task<CaseOutcome?>? _run;
    private CaseOrchestrationInput _input;

    public SimulatedOrchestration(CaseWorkflow workflow, CaseOrchestrationInput input, DateTimeOffset startAt, InMemoryCase store)
    {
        _orchestration = new CaseOrchestration(workflow);
        _input = input;
        Now = startAt;
        Store = store;
        OrchestrationContext = new Context(this);
    }

    public InMemoryCase Store { get; }
    public DateTimeOffset Now { get; private set; }
    public CaseOutcome? Outcome { get; private set; }
    public bool Completed => Outcome is not null;
    public object? CustomStatus { get; private set; }
    public List<CaseOrchestrationInput> Generations { get; } = [];
    public List<(string InstanceId, CaseEventMessage Message)> SentEvents { get; } = [];
    /// <summary>Every action an orchestrator generation scheduled, as Durable's history would count them.</summary>
    public List<int> ActionsPerGeneration { get; } = [];
    public List<string> Versions { get; } = [];
    /// <summary>Every Durable timer scheduled, cancelled or not: on the Azure Storage backend each is a queue message until its time.</summary>
    public List<DateTimeOffset> TimersScheduled { get; } = [];
    /// <summary>The version the running generation carries: the current one, unless a test starts an older instance.</summary>
    public string Version { get; set; } = CaseOrchestration.Version;
    public TaskOrchestrationContext OrchestrationContext { get; }

    /// <summary>Starts the first generation and lets it run until it waits.</summary>
    public SimulatedOrchestration Start()
    {
        StartGeneration();
        return this;
    }

    /// <summary>Lets virtual time pass until <paramref name="until"/>, firing every timer on the way at its own time.</summary>
    public void RunUntil(DateTimeOffset until)
    {
        while (!Completed && _timers.Where(t => t.FireAt <= until.UtcDateTime).OrderBy(t => t.FireAt).FirstOrDefault() is { Done: not null } next)
        {
            _timers.Remove(next);
            Now = new DateTimeOffset(next.FireAt, TimeSpan.Zero);
            Drive(() => next.Done.TrySetResult());
        }
        if (until > Now) Now = until;
    }

    /// <summary>A staff (or other case's) event arrives at <paramref name="at"/>; due timers fire first.</summary>
    public void Raise(CaseEventMessage message, DateTimeOffset at)
    {
        RunUntil(at);
        if (Completed) return; // Durable drops an event for an ended instance
        if (_waiter is { } waiter)
        {
            _waiter = null;
            Drive(() => waiter.TrySetResult(message));
        }
        else _buffered.Enqueue(message);
    }

    public void Raise(CaseEvent caseEvent, DateTimeOffset at, string? requestId = null) => Raise(CaseEventMessage.From(caseEvent, requestId), at);

    /// <summary>When the orchestration will wake next by itself; null when it waits only for an event.</summary>
    public DateTimeOffset? NextTimer => _timers.Count == 0 ? null : new DateTimeOffset(_timers.Min(t => t.FireAt), TimeSpan.Zero);

    private int _actions;

    private void StartGeneration()
    {
        Generations.Add(_input);
        _actions = 0;
        Drive(() => _run = _orchestration.RunAsync(OrchestrationContext, _input));
    }

    private void Drive(Action work)
    {
        _pump.Run(work);
        while (_run is { IsCompleted: true } run)
        {
            ActionsPerGeneration.Add(_actions);
            if (run.IsFaulted) throw new InvalidOperationException("The orchestrator failed.", run.Exception);
            // DurableTask.Core's TaskOrchestrationExecutor ends a generation (completes it, or continues it as new) only
            // when no task is open: a timer left open keeps the instance waiting for it, with its events, for hours.
            if (_timers.Count > 0)
                throw new InvalidOperationException($"The orchestrator returned with {_timers.Count} Durable timer(s) open: Durable would not end the generation until they fire. Cancel them first.");
            if (_continueAs is { } next)
            {
                _continueAs = null;
                _input = next;
                _timers.Clear();
                _waiter = null;
                StartGeneration();
                return;
            }
            Outcome = run.Result;
            return;
        }
    }

    private CaseOrchestrationInput? _continueAs;

    /// <summary>Runs work and every continuation it causes on this thread until the orchestrator waits again.</summary>
    private sealed class Pump : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
        public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));
        public override void Send(SendOrPostCallback d, object? state) => d(state);

        public void Run(Action work)
        {
            var previous = Current;
            SetSynchronizationContext(this);
            try
            {
                work();
                while (_queue.TryDequeue(out var item)) item.Callback(item.State);
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }
    }

    private sealed class Context(SimulatedOrchestration sim) : TaskOrchestrationContext
    {
        public override TaskName Name => CaseOrchestration.Name;
        public override string InstanceId => sim._input.Case.State.CaseId;
        public override ParentOrchestrationInstance? Parent => null;
        public override DateTime CurrentUtcDateTime => sim.Now.UtcDateTime;
        public override bool IsReplaying => false;
        public override string Version => sim.Version;
        public override TaskOrchestrationEntityFeature Entities => throw new NotSupportedException();
        protected override Microsoft.Extensions.Logging.ILoggerFactory LoggerFactory => Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

        public override T GetInput<T>() where T : default => (T)(object)sim._input;

        public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
        {
            sim._actions += 2; // scheduled and completed
            try
            {
                var result = sim.Store.Run(name.Name, input, sim.Now, options);
                return Task.FromResult(result is null ? default! : (TResult)result);
            }
            catch (Exception e)
            {
                return Task.FromException<TResult>(new TaskFailedException(name.Name, sim._actions, e));
            }
        }

        public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
        {
            sim._actions += 2;
            sim.TimersScheduled.Add(new DateTimeOffset(fireAt, TimeSpan.Zero));
            var done = new TaskCompletionSource();
            var entry = (fireAt, done);
            sim._timers.Add(entry);
            cancellationToken.Register(() =>
            {
                sim._timers.Remove(entry);
                done.TrySetCanceled();
            });
            return done.Task;
        }

        public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
        {
            Assert.Equal(CaseOrchestration.EventName, eventName);
            sim._actions += 1;
            if (sim._buffered.TryDequeue(out var buffered)) return Task.FromResult((T)(object)buffered);
            var waiter = new TaskCompletionSource<CaseEventMessage>();
            sim._waiter = waiter;
            cancellationToken.Register(() =>
            {
                if (sim._waiter == waiter) sim._waiter = null;
                waiter.TrySetCanceled();
            });
            return (Task<T>)(object)waiter.Task;
        }

        public override void SendEvent(string instanceId, string eventName, object payload)
        {
            sim._actions += 1;
            sim.SentEvents.Add((instanceId, (CaseEventMessage)payload));
        }

        public override void SetCustomStatus(object? customStatus) => sim.CustomStatus = customStatus;

        public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
            throw new NotSupportedException("The case orchestration has no sub-orchestrations.");

        public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
            ContinueAsNew(new ContinueAsNewOptions { NewInput = newInput, PreserveUnprocessedEvents = preserveUnprocessedEvents });

        public override void ContinueAsNew(ContinueAsNewOptions options)
        {
            Assert.True(options.PreserveUnprocessedEvents, "events raised meanwhile must carry over");
            sim.Versions.Add(options.NewVersion ?? "");
            if (options.NewVersion is { } version) sim.Version = version;
            sim._continueAs = (CaseOrchestrationInput)options.NewInput!;
        }

        public override Guid NewGuid() => throw new NotSupportedException("The case orchestration draws no ids.");
    }
}
