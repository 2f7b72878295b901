using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace BudgetActors.Cli;

/// <summary>Prints answers: human tables by default, JSON (camelCase, enums as names) with <c>--json</c>.</summary>
internal sealed class Output
{
    private readonly TextWriter _out;

    public Output(TextWriter output, TextWriter error, bool json)
    {
        _out = output;
        Error = error;
        IsJson = json;
        // Piped or captured output gets plain text at a width that keeps table rows on one line.
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            Console.Profile.Width = 200;
        }
    }

    public bool IsJson { get; }

    public TextWriter Error { get; }

    /// <summary>For tables and progress bars.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Prints <paramref name="value"/> as JSON, or with <paramref name="human"/>.</summary>
    public void Show<T>(T value, Action<IAnsiConsole, T> human)
    {
        if (IsJson)
        {
            _out.WriteLine(JsonSerializer.Serialize(value, TypeInfo<T>()));
        }
        else
        {
            human(Console, value);
        }
    }

    /// <summary>Says that a change was made.</summary>
    public void Done(string message) => Show(new Outcome(true, message), (console, o) => console.MarkupLine($"[green]✓[/] {Markup.Escape(o.Message)}"));

    /// <summary>Says why a command failed: one line on standard error (and the JSON outcome with --json).</summary>
    public void Failed(string message, string? code, bool refused)
    {
        if (IsJson)
        {
            _out.WriteLine(JsonSerializer.Serialize(new Outcome(false, message, code), CliJsonContext.Default.Outcome));
        }

        Error.WriteLine(refused ? $"budgetctl: refused ({code}): {message}" : $"budgetctl: {message}");
    }

    /// <summary>Every shape budgetctl prints is in <see cref="CliJsonContext"/>; one missing there is budgetctl's bug, not the user's.</summary>
    private static JsonTypeInfo TypeInfo<T>() =>
        CliJsonContext.Default.GetTypeInfo(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not in CliJsonContext.");

    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        return table;
    }

    public static string Money(decimal amount) => amount.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
