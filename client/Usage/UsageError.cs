// A refused command line as one line (the caller prints it after "error: " and exits 2): an unknown command or flag
// with the closest valid name ("did you mean `run`?"), else System.CommandLine's first error folded onto one line with
// the flag it concerns. Never the help text: `--help` shows it on request.
using System.CommandLine;
using System.CommandLine.Parsing;
using SweepCluster.Specs;

namespace SweepCluster.Cli.Usage;

public static class UsageError
{
    /// <summary>How System.CommandLine 2.0's messages for a missing argument and a value of the wrong type begin.</summary>
    private const string RequiredArgument = "Required argument missing";
    private const string CannotParse = "Cannot parse argument";

    /// <summary>A flag's value type as a user reads it; null for a type without a plain name.</summary>
    private static string? TypeWords(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(double) => "a number",
        var t when t == typeof(bool) => "true or false",
        _ => null,
    };

    /// <summary>The one line for <paramref name="parse"/>'s errors; null when it has none.</summary>
    public static string? Describe(ParseResult parse)
    {
        if (parse.Errors.Count == 0) return null;
        var command = parse.CommandResult.Command;
        var name = CommandPath(parse.CommandResult);
        if (parse.UnmatchedTokens.FirstOrDefault() is { } token)
        {
            if (token.StartsWith('-'))
                return $"`{name}` has no flag {token}{Suggest(token, FlagsOf(parse.CommandResult))} (see `{name} --help`)";
            if (command.Subcommands.Count > 0)
                return $"`{name}` has no command '{token}'{Suggest(token, command.Subcommands.Select(c => c.Name))} (see `{name} --help`)";
            return $"`{name}` takes no argument '{token}' here (see `{name} --help`)";
        }
        var error = parse.Errors[0];
        if (error.SymbolResult is CommandResult { Command.Subcommands.Count: > 0 } missing && missing.Command.Action is null)
            return $"`{CommandPath(missing)}` needs a command: {string.Join(", ", missing.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))} (see `{CommandPath(missing)} --help`)";
        if (error.Message.StartsWith(RequiredArgument, StringComparison.Ordinal) && command.Arguments.Count > 0)
            return $"`{name}` needs {string.Join(" and ", command.Arguments.Select(a => a.Name))} (see `{name} --help`)";
        if (error.SymbolResult is OptionResult { Tokens.Count: > 0 } typed && error.Message.StartsWith(CannotParse, StringComparison.Ordinal)
            && TypeWords(typed.Option.ValueType) is { } words)
            return $"{typed.Option.Name}: '{typed.Tokens[^1].Value}' is not {words}";
        var message = OneLine(error.Message);
        return error.SymbolResult is OptionResult option && !message.Contains(option.Option.Name, StringComparison.Ordinal)
            ? $"{option.Option.Name}: {message}"
            : message;
    }

    /// <summary>"; did you mean `x`?" with the closest of <paramref name="candidates"/>, or nothing.</summary>
    private static string Suggest(string token, IEnumerable<string> candidates) =>
        SpecSuggest.Closest(token, candidates) is { } match ? $": did you mean `{match}`?" : "";

    /// <summary>The flags valid on <paramref name="result"/>'s command: its own and its parents' recursive ones.</summary>
    private static IEnumerable<string> FlagsOf(CommandResult result)
    {
        for (SymbolResult? at = result; at is not null; at = at.Parent)
        {
            if (at is not CommandResult { Command: var command }) continue;
            foreach (var option in command.Options.Where(o => at == result || o.Recursive))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases) yield return alias;
            }
        }
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? at = result; at is not null; at = at.Parent)
            if (at is CommandResult { Command: var command }) names.Insert(0, command is RootCommand ? "sweep" : command.Name);
        return string.Join(' ', names);
    }

    /// <summary>System.CommandLine's message with its line breaks and tabs folded.</summary>
    private static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length <= 1 ? message.Trim() : $"{lines[0]} {string.Join(", ", lines.Skip(1))}";
    }
}
