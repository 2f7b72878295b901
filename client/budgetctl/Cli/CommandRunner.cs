using System.CommandLine;

namespace BudgetActors.Cli;

/// <summary>Runs a command's body and turns every failure into one line and an exit code.</summary>
internal static class CommandRunner
{
    public static void Runs(this Command command, TextWriter output, TextWriter error, Func<Session, CancellationToken, Task> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = new Session(parse, output, error);
            try
            {
                await body(session, cancellationToken);
                return ExitCodes.Success;
            }
            catch (WorkflowException refusal)
            {
                session.Output.Failed(refusal.Message, refusal.Code.ToString(), refused: true);
                return ExitCodes.Refused;
            }
            catch (CliException failure)
            {
                session.Output.Failed(failure.Message, failure.ExitCode switch
                {
                    ExitCodes.Unauthorized => "Unauthorized",
                    ExitCodes.Unavailable => "Unavailable",
                    ExitCodes.Refused => "Refused",
                    _ => "Usage",
                }, refused: false);
                return failure.ExitCode;
            }
        });
}
