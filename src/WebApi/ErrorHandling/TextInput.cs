using System.Text.Json;
using System.Text.Json.Serialization;
using BrandAutomator.Application.Common.Errors;

namespace BrandAutomator.WebApi.ErrorHandling;

/// <summary>
/// The one rule for text that comes in: no NUL or other control character (tab, line feed and carriage return
/// are text), and no half of a surrogate pair. PostgreSQL refuses NUL in text and the UTF-8 encoder refuses a lone
/// surrogate: without this rule both surface as a 500 from deep inside a save.
/// </summary>
public static class TextInput
{
    public const string Refused =
        "The text contains a character that cannot be kept (an invisible control character or a broken emoji). Remove it and try again.";

    public static bool IsAcceptable(ReadOnlySpan<char> text)
    {
        // Fast path: the two vectorised scans find nothing in ordinary text.
        var control = text.IndexOfAnyInRange('\0', '\u001f');
        var surrogate = text.IndexOfAnyInRange('\ud800', '\udfff');
        if (control < 0 && surrogate < 0)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Every string read from a JSON body, at any depth, meets <see cref="TextInput"/>; the error names its path.</summary>
public sealed class CheckedStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        var value = reader.GetString()!;
        return TextInput.IsAcceptable(value) ? value : throw new RefusedTextException();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A JSON string value that <see cref="TextInput"/> refuses; System.Text.Json adds its path.</summary>
public sealed class RefusedTextException() : JsonException(TextInput.Refused);

/// <summary>
/// Query strings, route values, headers and URL-encoded form fields meet <see cref="TextInput"/> before an endpoint
/// runs: a 400 naming each refused field. (JSON bodies are checked while they are read, by <see cref="CheckedStringConverter"/>;
/// multipart uploads are streamed and their names sanitised where they are stored.)
/// </summary>
public sealed class TextInputGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var request = context.Request;
        foreach (var (name, values) in request.Query)
        {
            Check(errors, name, values);
        }

        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && !TextInput.IsAcceptable(text))
            {
                errors[name] = [TextInput.Refused];
            }
        }

        foreach (var (name, values) in request.Headers)
        {
            Check(errors, name, values);
        }

        if (request.HasFormContentType && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var (name, values) in await request.ReadFormAsync(context.RequestAborted))
            {
                Check(errors, name, values);
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        await next(context);
    }

    private static void Check(Dictionary<string, string[]> errors, string name, Microsoft.Extensions.Primitives.StringValues values)
    {
        var field = TextInput.IsAcceptable(name) ? name : "name";
        if (!TextInput.IsAcceptable(name) || values.Any(v => v is not null && !TextInput.IsAcceptable(v)))
        {
            errors[field] = [TextInput.Refused];
        }
    }
}
