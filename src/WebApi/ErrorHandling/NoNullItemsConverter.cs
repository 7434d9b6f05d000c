using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BrandAutomator.WebApi.ErrorHandling;

/// <summary>
/// No list of a request body holds a null item (the API documents none that may): <c>{"items":[null]}</c> is a 400
/// naming the item, not a NullReferenceException in whatever reads the list next. Lists are read item by item through
/// the item type's own contract, so every other converter (the text rule among them) still applies; they are written
/// by System.Text.Json itself.
/// </summary>
public sealed class NoNullItemsConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => ItemType(typeToConvert) is { IsValueType: false };

    private readonly Lock _gate = new();
    private (JsonSerializerOptions Source, JsonSerializerOptions Plain)? _writing;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(ItemType(typeToConvert)!), options, PlainFor(options));

    /// <summary>The same options without this factory: answers are written by System.Text.Json's own list code, at its speed.</summary>
    private JsonSerializerOptions PlainFor(JsonSerializerOptions options)
    {
        lock (_gate)
        {
            if (_writing is not { } cached || cached.Source != options)
            {
                var plain = new JsonSerializerOptions(options);
                plain.Converters.Remove(this);
                _writing = cached = (options, plain);
            }

            return cached.Plain;
        }
    }

    /// <summary>The item type of the list shapes request records use: arrays, List, IReadOnlyList, IList, ICollection, IEnumerable.</summary>
    private static Type? ItemType(Type type)
    {
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) ||
               definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private sealed class Converter<T>(JsonSerializerOptions options, JsonSerializerOptions plain) : JsonConverter<IEnumerable<T>>
        where T : class
    {
        private readonly JsonTypeInfo<T> _item = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

        public override bool CanConvert(Type typeToConvert) => ItemType(typeToConvert) == typeof(T);

        public override IEnumerable<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException();
            }

            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                T? item;
                try
                {
                    item = JsonSerializer.Deserialize(ref reader, _item);
                }
                catch (JsonException inner)
                {
                    // The item's own read knows the path inside the item only; the list adds the index.
                    throw new ListItemJsonException(items.Count, inner);
                }

                items.Add(item ?? throw new ListItemJsonException(items.Count, new RefusedNullItemException()));
            }

            return typeToConvert.IsArray ? items.ToArray() : items;
        }

        public override void Write(Utf8JsonWriter writer, IEnumerable<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, value.GetType(), plain);
    }
}

/// <summary>A list of a request body with a null item.</summary>
public sealed class RefusedNullItemException() : JsonException("A list contains an empty (null) item; leave it out.");

/// <summary>
/// A list item that could not be read: <see cref="Suffix"/> is the path from the list to the fault (<c>[2].text</c>),
/// <see cref="Cause"/> the innermost failure; System.Text.Json gives the path up to the list.
/// </summary>
public sealed class ListItemJsonException : JsonException
{
    public ListItemJsonException(int index, JsonException inner)
        : base(inner.Message, inner)
    {
        var within = inner is ListItemJsonException nested
            ? (nested.Path ?? "$").TrimStart('$') + nested.Suffix
            : (inner.Path ?? "$").TrimStart('$');
        Suffix = $"[{index}]{within}";
        Cause = inner is ListItemJsonException deeper ? deeper.Cause : inner;
    }

    public string Suffix { get; }

    public JsonException Cause { get; }
}
