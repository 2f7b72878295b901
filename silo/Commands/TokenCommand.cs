using BudgetActors.Grains.Security;
using System.Globalization;

namespace BudgetActors.Silo.Commands;

/// <summary>
/// <c>token issue|list|revoke</c>: API tokens from the silo's command line, for whoever runs the silo
/// (and so already holds its database). This is how a company gets its first admin token, which then
/// issues the rest over the API. It acts as the silo itself, through the same company grain methods the
/// API calls; issuing for a company whose directory is still empty adds the user as its founding admin.
/// </summary>
public sealed record TokenCommand(string Action, string CompanyId, string? UserId, string? TokenName, string? Email, string? TokenId)
{
    public const string Usage = """
        Usage:
          token issue  --company <id> --user <user id> [--name <what the token is for>] [--email <address>]
          token list   --company <id>
          token revoke --company <id> --token <token id>
        Add --postgres "<connection string>" to act on a durable silo's tokens (the command exits when done);
        without it the in-memory silo starts, runs the command and keeps serving.
        'issue' for a company with an empty directory adds the user as its founding company admin (needs --email).
        """;

    // The identity the silo's own command acts as: grains let "system:" callers set a company up.
    private const string CommandUser = "system:token-command";

    /// <summary>The command in <paramref name="args"/>, or null when the silo is just to run.</summary>
    public static TokenCommand? Parse(string[] args, out string? error)
    {
        error = null;
        if (args.Length == 0 || args[0] != "token")
        {
            return null;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"Unexpected '{args[i]}'.{Environment.NewLine}{Usage}";
                return null;
            }

            var (key, value) = args[i].IndexOf('=', StringComparison.Ordinal) is var at and > 0
                ? (args[i][2..at], args[i][(at + 1)..])
                : (args[i][2..], i + 1 < args.Length ? args[++i] : "");
            options[key] = value;
        }

        var action = args.Length > 1 ? args[1] : "";
        string? Option(string name) => options.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        var command = new TokenCommand(action, Option("company") ?? "", Option("user"), Option("name"), Option("email"), Option("token"));
        error = (action, command) switch
        {
            (not ("issue" or "list" or "revoke"), _) => $"Unknown token command '{action}'.",
            (_, { CompanyId: "" }) => "--company is required.",
            ("issue", { UserId: null }) => "--user is required.",
            ("revoke", { TokenId: null }) => "--token is required.",
            _ => null,
        };
        if (error is not null)
        {
            error += Environment.NewLine + Usage;
            return null;
        }

        return command;
    }

    /// <summary>Runs the command on a started silo; 0 when done, 1 when the workflow refused it.</summary>
    public async Task<int> RunAsync(IGrainFactory grains, SiloCallers silo, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using (silo.ActAs(new CallerIdentity(CompanyId, CommandUser)))
        {
            var company = grains.GetGrain<ICompanyGrain>(CompanyId);
            try
            {
                switch (Action)
                {
                    case "issue":
                        await IssueAsync(company, output, error, cancellationToken);
                        break;
                    case "list":
                        foreach (var token in await company.ListTokensAsync())
                        {
                            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                                $"{token.TokenId}  {token.UserId}  {token.Name}  created {token.CreatedAt:u} by {token.CreatedBy}{(token.IsRevoked ? $"  revoked {token.RevokedAt:u} by {token.RevokedBy}" : "")}"));
                        }

                        break;
                    default:
                        await company.RevokeTokenAsync(TokenId!);
                        await error.WriteLineAsync($"Revoked {TokenId} of company {CompanyId}.");
                        break;
                }

                return 0;
            }
            catch (WorkflowException refusal)
            {
                await error.WriteLineAsync($"Refused ({refusal.Code}): {refusal.Message}");
                return 1;
            }
        }
    }

    private async Task IssueAsync(ICompanyGrain company, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var userId = UserId!;
        if ((await company.GetAsync()).Users.Count == 0)
        {
            if (Email is null)
            {
                throw new WorkflowException(WorkflowErrorCode.InvalidInput,
                    $"Company {CompanyId} has no directory yet: give --email to add {userId} as its founding company admin.");
            }

            await company.SaveUserAsync(new CompanyUser(userId, userId, Email, ToolPermission.Admin, ToolPermission.Admin,
                CanPushToAccounting: false, SubscribedToDigest: false, IsCompanyAdmin: true));
            await error.WriteLineAsync($"Added {userId} to company {CompanyId} as its founding company admin.");
        }

        var issued = await company.IssueTokenAsync(userId, TokenName ?? "issued with the silo's token command");
        cancellationToken.ThrowIfCancellationRequested();
        await error.WriteLineAsync($"Token {issued.Info.TokenId} acts as {userId} of company {CompanyId}. It is shown only now; keep it secret:");
        await output.WriteLineAsync(issued.Token);
    }
}
