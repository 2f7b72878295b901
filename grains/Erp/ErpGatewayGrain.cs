using BudgetActors.Erp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
[Reentrant]
public sealed class ErpGatewayGrain(
    [PersistentState("queue")] IPersistentState<ErpGatewayState> queue,
    ErpConnectors connectors,
    IOptions<ErpGatewayOptions> options,
    TimeProvider time,
    ILogger<ErpGatewayGrain> logger) : Grain, IErpGatewayGrain, IRemindable
{
    private const string QueueReminder = "erp-queue";

    private readonly Queue<Func<Task>> _reads = new();
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

    public override Task OnActivateAsync(CancellationToken cancellationToken)
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
        StartWorker();
        return Task.CompletedTask;
    }

    public async Task EnqueueExportAsync(ExportRequest request)
    {
        Callers.RequireSystem(null, "Queueing an export");
        if (queue.State.Exports.Any(e => e.IdempotencyKey == request.IdempotencyKey))
        {
            return; // already queued: a repeated request must not post twice
        }

        queue.State = queue.State with { Exports = queue.State.Exports.Add(request) };
        await WriteQueueAsync();
        await RegisterOrUpdateReminder(QueueReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartWorker();
    }

    public Task<IReadOnlyList<ErpEstimate>> GetEstimatesAsync(string erpJob) =>
        ReadAsync($"read estimates of job {erpJob}", ct => _connector.GetEstimatesAsync(_companyCode, erpJob, ct));

    public Task<ErpJobInfo?> GetJobAsync(string erpJob) =>
        ReadAsync($"read job {erpJob}", ct => _connector.GetJobAsync(_companyCode, erpJob, ct));

    public Task<IReadOnlyList<string>> ListCostCodesAsync() =>
        ReadAsync("list cost codes", ct => _connector.ListCostCodesAsync(_companyCode, ct));

    public Task<ErpQueueView> GetQueueAsync() => Task.FromResult(new ErpQueueView(
        this.GetPrimaryKeyString(), queue.State.Exports.Count + _reads.Count, _inFlight, _inFlightSince,
        queue.State.Completed, queue.State.Retries, _circuitOpen, _lastError, _nextAttemptAt));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder exists while exports wait: after a crash it brings the gateway back to finish them.
        StartWorker();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Writes the queue after any write still in flight. The grain is reentrant, so an export queued while
    /// the worker saves a finished one would otherwise write with the same version and fail the ETag check.
    /// </summary>
    private Task WriteQueueAsync()
    {
        var previous = _lastWrite;
        return _lastWrite = WriteAfterAsync(previous);

        async Task WriteAfterAsync(Task before)
        {
            // How the earlier write went is its own caller's business; this one still writes (back on the activation).
            await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            await queue.WriteStateAsync();
        }
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
            // The worker outlives the call that starts it and must not carry that call's chain or caller.
            using (RequestContext.Suppress())
            {
                _worker = WorkAsync();
            }
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
            else if (queue.State.Exports.FirstOrDefault() is { } export && !_circuitOpen)
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
    private async Task<bool> ExportAsync(ExportRequest export)
    {
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
        catch (Exception exception) when (exception is ErpException or BrokenCircuitException or TimeoutException or HttpRequestException)
        {
            WorkflowLog.ExportDeferred(logger, exception, export.IdempotencyKey, this.GetPrimaryKeyString());
            WakeUpIn(_circuitOpen ? options.Value.BreakDuration : options.Value.RetryLaterDelay);
            return false;
        }

        var (companyId, _) = BudgetKey.Parse(export.BudgetKey);
        using (Callers.AsSystem(companyId, "erp-gateway"))
        {
            await GrainFactory.GetGrain<IBudgetGrain>(export.BudgetKey).ReportExportAsync(outcome);
        }

        var exports = queue.State.Exports.RemoveAll(e => e.IdempotencyKey == export.IdempotencyKey);
        queue.State = queue.State with { Exports = exports, Completed = queue.State.Completed + 1 };
        await WriteQueueAsync();
        if (exports.IsEmpty && await GetReminder(QueueReminder) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        return true;
    }

    private async Task<T> CallErpAsync<T>(string what, Func<CancellationToken, Task<T>> call)
    {
        _inFlight = what;
        _inFlightSince = time.GetUtcNow();
        try
        {
            var result = await _pipeline.ExecuteAsync(async ct => await call(ct));
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
        _wakeUp = RegisterGrainTimer(_ =>
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
            .Handle<HttpRequestException>();
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = settings.RetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                OnRetry = _ =>
                {
                    queue.State = queue.State with { Retries = queue.State.Retries + 1 };
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
        ErpException or BrokenCircuitException or TimeoutException or HttpRequestException =>
            new WorkflowException(WorkflowErrorCode.ErpUnavailable, $"The ERP could not be reached ({exception.Message}); try again later."),
        _ => exception,
    };
}
