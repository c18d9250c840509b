using System.Globalization;

namespace TicketMaster.Bench.Harness;

public sealed class CommandLineException(string message) : Exception(message);

/// <summary><c>--name value</c> options and bare <c>--flag</c>s; every option must be read, so a typo is an error.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options;
    private readonly HashSet<string> _read = [];

    private CommandLine(Dictionary<string, string?> options) => _options = options;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"unexpected argument '{args[i]}'");
            }

            var name = args[i][2..];
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[name] = hasValue ? args[++i] : null;
        }

        return new CommandLine(options);
    }

    public string? String(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var value) ? value ?? throw new CommandLineException($"--{name} needs a value") : null;
    }

    public int Int(string name, int defaultValue, int min = 0)
    {
        var text = String(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new CommandLineException($"--{name} must be a whole number ≥ {min}, not '{text}'");
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var value) && value is null or "true";
    }

    /// <summary>Throws for options nobody asked for.</summary>
    public void EnsureAllRead()
    {
        var unknown = _options.Keys.Where(name => !_read.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandLineException($"unknown option(s): {string.Join(", ", unknown.Select(n => "--" + n))}");
        }
    }
}
