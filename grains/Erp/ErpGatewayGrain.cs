using Orleans.Storage;
using Orleans.Providers;
using BudgetActors.Erp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace BudgetActors.Grains.Erp;

/// <summary>
/// The one door to an ERP company. A single worker takes one job at a time (reads first, then the
/// durable exports in order), so no two calls to the company ever overlap. Transient failures are retried
/// with backoff and jitter; an ERP that keeps failing opens the circuit and the queue waits, losing
/// nothing. Reentrant so that queueing never waits for the ERP; the worker is what serialises.
/// </summary>
/// <remarks>
/// Each waiting export is a state row of its own, written before the worker may call the ERP with it, and
/// the queue record holds only the head and the counters: queueing or finishing an export costs the same
/// whether 1 or 10,000 wait. (Rewriting the whole queue on every change made a burst of n exports cost
/// O(n^2) serialisation: at 250 waiting per company, about 75 KB written and 200 KB allocated per export.)
/// </remarks>
[GrainType("erp-gateway")]
[Reentrant]
public sealed partial class ErpGatewayGrain(
    [PersistentState("queue", ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)] IPersistentState<ErpGatewayState> queue,
    ErpConnectors connectors,
    IErpCallLease callLease,
    IOptions<ErpGatewayOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<ErpGatewayGrain> logger) : Grain, IErpGatewayGrain, IRemindable
{
    private const string QueueReminder = "erp-queue";

    // The rows of the waiting exports live in the same storage as the queue record (see the constructor).
    private const string QueueStorage = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME;

    private readonly Queue<Func<Task>> _reads = new();

    // Durable exports the worker may send, in order; and every export queued or being queued, by idempotency
    // key, with the write that makes it durable (a repeated request waits for that write, then returns).
    private readonly Queue<QueuedExport> _exports = new();
    private readonly Dictionary<string, Task> _queued = new(StringComparer.Ordinal);
    private IGrainStorage _rows = null!;
    private long _tail;
    private long _purged;
    private bool _reminderRegistered;
    private IErpConnector _connector = null!;
    private string _companyCode = "";
    private ResiliencePipeline _pipeline = ResiliencePipeline.Empty;
    private Task? _worker;
    private IGrainTimer? _wakeUp;
    private string? _inFlight;
    private DateTimeOffset? _inFlightSince;
    private bool _circuitOpen;
    private ErpError? _lastError;
    private DateTimeOffset? _nextAttemptAt;
    private Task _lastWrite = Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var at = key.IndexOf(':', StringComparison.Ordinal);
        if (at <= 0 || !Enum.TryParse<ErpSystem>(key[..at], ignoreCase: true, out var system))
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"'{key}' is not an ERP gateway key (spectrum:<company> or vista:<company>).");
        }

        _connector = connectors.For(system);
        _companyCode = key[(at + 1)..];
        _pipeline = BuildPipeline(options.Value);
        _rows = services.GetRequiredKeyedService<IGrainStorage>(QueueStorage);
        await LoadQueueAsync(cancellationToken);
        StartWorker();
    }

    public async Task EnqueueExportAsync(ExportRequest request)
    {
        Callers.RequireSystem(null, "Queueing an export");
        var key = request.IdempotencyKey;
        if (_queued.TryGetValue(key, out var queued))
        {
            await queued; // already queued: a repeated request must not post twice
            return;
        }

        var written = WriteInTurnAsync(() => AppendAsync(request));
        _queued[key] = written;
        try
        {
            await written;
        }
        catch
        {
            if (_queued.TryGetValue(key, out var entry) && entry == written)
            {
                _queued.Remove(key); // not queued after all: asking again may succeed
            }

            throw;
        }

        if (!_reminderRegistered)
        {
            await RegisterQueueReminderAsync();
        }

        StartWorker();
    }

    public Task<IReadOnlyList<ErpEstimate>> GetEstimatesAsync(string erpJob) =>
        ReadAsync($"read estimates of job {erpJob}", ct => _connector.GetEstimatesAsync(_companyCode, erpJob, ct));

    public Task<ErpJobInfo?> GetJobAsync(string erpJob) =>
        ReadAsync($"read job {erpJob}", ct => _connector.GetJobAsync(_companyCode, erpJob, ct));

    public Task<IReadOnlyList<string>> ListCostCodesAsync() =>
        ReadAsync("list cost codes", ct => _connector.ListCostCodesAsync(_companyCode, ct));

    public Task<ErpQueueView> GetQueueAsync()
    {
        // Company users see their ERP company's queue through their company grain, which asks as the workflow.
        Callers.RequireSystem(null, "Reading an ERP company's queue");
        return Task.FromResult(new ErpQueueView(
            this.GetPrimaryKeyString(), _queued.Count + _reads.Count, _inFlight, _inFlightSince,
            queue.State.Completed, queue.State.Retries, _circuitOpen, _lastError, _nextAttemptAt));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder exists while exports wait: after a crash it brings the gateway back to finish them.
        if (_queued.Count == 0)
        {
            await UnregisterQueueReminderAsync(); // left over from a crash between the last export and its removal
            return;
        }

        StartWorker();
    }

    private Task<T> ReadAsync<T>(string what, Func<CancellationToken, Task<T>> read)
    {
        Callers.RequireSystem(null, "Calling the ERP");
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _reads.Enqueue(async () =>
        {
            try
            {
                answer.SetResult(await CallErpAsync(what, read));
            }
            catch (Exception exception)
            {
                answer.SetException(Refusal(exception));
            }
        });
        StartWorker();
        return answer.Task;
    }

    private void StartWorker()
    {
        if (_worker is null || _worker.IsCompleted)
        {
            _worker = WorkDetachedAsync();
        }

        // The worker outlives the call that starts it and must not carry that call's caller: the request
        // context is cleared in the worker's own flow (an async method's context changes stay inside it).
        async Task WorkDetachedAsync()
        {
            RequestContext.Clear();
            await WorkAsync();
        }
    }

    private async Task WorkAsync()
    {
        while (true)
        {
            if (_reads.TryDequeue(out var read))
            {
                await read();
            }
            else if (!_circuitOpen && _exports.TryPeek(out var export))
            {
                if (!await ExportAsync(export))
                {
                    return; // transient trouble: the job stays first in line and the wake-up timer resumes
                }
            }
            else
            {
                return;
            }
        }
    }

    /// <returns>False when the ERP could not be reached and the export must wait.</returns>
    private async Task<bool> ExportAsync(QueuedExport row)
    {
        var export = row.State;
        ExportOutcome outcome;
        try
        {
            await CallErpAsync($"export {export.IdempotencyKey}", async ct =>
            {
                await _connector.PostEstimatesAsync(_companyCode, export, ct);
                return true;
            });
            outcome = new ExportOutcome(export.Submission, null);
        }
        catch (ErpException exception) when (!exception.IsTransient)
        {
            outcome = new ExportOutcome(export.Submission, exception.Error);
        }
        catch (Exception exception) when (exception is ErpException or BrokenCircuitException or TimeoutException or HttpRequestException or NpgsqlException)
        {
            WorkflowLog.ExportDeferred(logger, exception, export.IdempotencyKey, this.GetPrimaryKeyString());
            WakeUpIn(_circuitOpen ? options.Value.BreakDuration : options.Value.RetryLaterDelay);
            return false;
        }

        var (companyId, _) = BudgetKey.Parse(export.BudgetKey);
        try
        {
            using (Callers.AsSystem(companyId, "erp-gateway"))
            {
                await GrainFactory.GetGrain<IBudgetGrain>(export.BudgetKey).ReportExportAsync(outcome);
            }
        }
        catch (Exception exception)
        {
            // The budget could not be told (its silo just died, its write failed): the export stays first in
            // line and goes again soon, rather than wait for the queue's minute reminder. The ERP's batch key
            // keeps the resend from posting twice, and the budget takes the same report twice as once.
            WorkflowLog.ExportNotReported(logger, exception, export.IdempotencyKey, this.GetPrimaryKeyString());
            WakeUpIn(options.Value.RetryLaterDelay);
            return false;
        }

        _exports.Dequeue();
        _queued.Remove(export.IdempotencyKey);
        await WriteInTurnAsync(() => FinishAsync(row));
        if (_queued.Count == 0)
        {
            await UnregisterQueueReminderAsync();
        }

        return true;
    }

    private async Task<T> CallErpAsync<T>(string what, Func<CancellationToken, Task<T>> call)
    {
        _inFlight = what;
        _inFlightSince = time.GetUtcNow();
        try
        {
            // Polly continues off the caller's context unless told: the call and its retry callbacks touch
            // this grain's fields, so they must come back to the activation.
            var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true);
            T result;
            try
            {
                // Each single call holds the company's lease (PostgreSQL on a cluster), not the whole retry
                // sequence: should Orleans briefly run a second activation of this gateway, its calls wait.
                result = await _pipeline.ExecuteAsync(
                    async (c, key) =>
                    {
                        await using var lease = await callLease.AcquireAsync(key, c.CancellationToken);
                        return await call(c.CancellationToken);
                    },
                    context,
                    this.GetPrimaryKeyString());
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            _circuitOpen = false;
            return result;
        }
        catch (ErpException exception)
        {
            _lastError = exception.Error;
            throw;
        }
        finally
        {
            _inFlight = null;
            _inFlightSince = null;
        }
    }

    private void WakeUpIn(TimeSpan delay)
    {
        _wakeUp?.Dispose();
        _wakeUp = this.RegisterGrainTimer(_ =>
        {
            _circuitOpen = false;
            _nextAttemptAt = null;
            StartWorker();
            return Task.CompletedTask;
        }, delay, Timeout.InfiniteTimeSpan);
        _nextAttemptAt = time.GetUtcNow() + delay;
    }

    private ResiliencePipeline BuildPipeline(ErpGatewayOptions settings)
    {
        var transient = new PredicateBuilder()
            .Handle<ErpException>(e => e.IsTransient)
            .Handle<TimeoutException>()
            .Handle<HttpRequestException>()
            .Handle<NpgsqlException>(); // the lease's database away: nothing was sent to the ERP
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = settings.RetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                OnRetry = args =>
                {
                    queue.State = queue.State with { Retries = queue.State.Retries + 1 };

                    // Recorded here too: when a retried failure opens the circuit, the call ends in a broken-circuit
                    // error, and what the ERP said would otherwise never show as the last error.
                    if (args.Outcome.Exception is ErpException { Error: var error })
                    {
                        _lastError = error;
                    }

                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = settings.BreakFailureRatio,
                MinimumThroughput = Math.Max(2, settings.BreakMinimumCalls),
                SamplingDuration = settings.BreakSamplingWindow,
                BreakDuration = settings.BreakDuration,
                OnOpened = _ =>
                {
                    _circuitOpen = true;
                    return default;
                },
            })
            .Build();
    }

    /// <summary>What a caller of a read is told when the ERP did not answer it.</summary>
    private static Exception Refusal(Exception exception) => exception switch
    {
        ErpException { IsTransient: false } erp => new WorkflowException(WorkflowErrorCode.ErpRefused, $"The ERP refused: {erp.Error}"),
        ErpException or BrokenCircuitException or TimeoutException or HttpRequestException or NpgsqlException =>
            new WorkflowException(WorkflowErrorCode.ErpUnavailable, $"The ERP could not be reached ({exception.Message}); try again later."),
        _ => exception,
    };
}
