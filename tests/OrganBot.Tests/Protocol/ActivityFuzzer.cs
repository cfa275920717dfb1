using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OrganBot.Tests.Protocol;

/// <summary>One mutated request for /api/messages.</summary>
public sealed record FuzzRequest(byte[] Body, string? ContentType, string Mutation);

/// <summary>
/// What a fuzz run saw: every response by class, and requests that got no HTTP answer at all. <see cref="NotImplemented"/>
/// counts the 501s for invokes whose (well-formed) name the bot does not implement, the Bot Framework's own answer
/// (docs/protocol.md §4.1); every other 5xx is a <see cref="ServerErrors"/>.
/// </summary>
public sealed record FuzzReport(int Sent, int Ok, int ClientErrors, int NotImplemented, int ServerErrors, int Crashes, TimeSpan Elapsed, IReadOnlyList<string> Samples);

/// <summary>
/// Mutates Teams-shaped activities the way a careless or hostile client would: wrong JSON types, nulls, huge and empty
/// values, deep nesting, null list entries, NUL and bidi characters, duplicate keys, invalid UTF-8, truncation and
/// wrong content types. Deterministic for a seed. Shared by the protocol tests and <c>OrganBot.Bench fuzz</c>.
/// </summary>
public sealed class ActivityFuzzer(int seed, string serviceUrl)
{
    private static readonly string[] s_texts = ["帮助", "你好", "help", "管理", "导出反馈", "我要反馈", "我的反馈", "取消", "我的提醒", "讲话要点", "主题党日要怎么搞", "<at>OrganBot</at> 帮助"];
    private static readonly string[] s_keys =
    [
        "type", "id", "serviceUrl", "channelId", "from", "recipient", "conversation", "channelData", "value", "name", "text",
        "entities", "membersAdded", "membersRemoved", "reactionsAdded", "attachments", "locale", "localTimezone", "replyToId",
        "action", "team", "tenant", "channel", "mentioned", "data", "verb", "aadObjectId", "conversationType", "isGroup", "tenantId",
    ];
    private static readonly string?[] s_contentTypes =
    [
        null, "text/plain", "application/x-www-form-urlencoded", "application/xml", "garbage", "application/vnd.example+json",
        "application/json; charset=latin1", "multipart/form-data; boundary=x",
    ];

    private readonly Random _random = new(seed);
    private int _sequence;
    private string? _lastId;

    public FuzzRequest Next()
    {
        var activity = BaseActivity();
        var mutations = new List<string>();
        for (var i = 1 + _random.Next(3); i > 0; i--) mutations.Add(MutateTree(activity));

        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
        if (_random.Next(8) == 0) body = MutateBytes(body, mutations);

        var contentType = _random.Next(10) == 0 ? s_contentTypes[_random.Next(s_contentTypes.Length)] : "application/json; charset=utf-8";
        return new FuzzRequest(body, contentType, string.Join(", ", mutations));
    }

    /// <summary>Sends <paramref name="count"/> mutated activities with <paramref name="concurrency"/> workers, or fewer when <paramref name="timeLimit"/> runs out.</summary>
    public static async Task<FuzzReport> RunAsync(HttpClient http, Uri messagesUri, string serviceUrl, int count, int seed, TimeSpan timeLimit, int concurrency,
        Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        int next = -1, ok = 0, clientErrors = 0, notImplemented = 0, serverErrors = 0, crashes = 0;
        var samples = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var perWorker = (count + concurrency - 1) / concurrency;

        async Task WorkerAsync(int worker)
        {
            var fuzzer = new ActivityFuzzer(unchecked(seed * 7919 + worker), serviceUrl);
            for (var i = 0; i < perWorker && clock.Elapsed < timeLimit; i++)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= count) return;
                var request = fuzzer.Next();
                using var message = new HttpRequestMessage(HttpMethod.Post, messagesUri) { Content = new ByteArrayContent(request.Body) };
                if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
                try
                {
                    using var response = await http.SendAsync(message, cancellationToken);
                    var status = (int)response.StatusCode;
                    if (status == 501 && IsUnimplementedInvoke(request.Body)) Interlocked.Increment(ref notImplemented);
                    else if (status >= 500)
                    {
                        Interlocked.Increment(ref serverErrors);
                        if (samples.Count < 10) samples.Enqueue($"{status} after [{request.Mutation}]: {Clip(Encoding.UTF8.GetString(request.Body))}");
                    }
                    else if (status >= 400) Interlocked.Increment(ref clientErrors);
                    else Interlocked.Increment(ref ok);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref crashes);
                    if (samples.Count < 10) samples.Enqueue($"no answer ({ex.GetType().Name}) after [{request.Mutation}]");
                }

                if (index % 1000 == 999) progress?.Invoke(index + 1);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(WorkerAsync));
        var sent = Math.Min(next + 1, count);
        return new FuzzReport(sent, ok, clientErrors, notImplemented, serverErrors, crashes, clock.Elapsed, [.. samples]);
    }

    /// <summary>Whether the body is an invoke with a string name other than the one the bot implements.</summary>
    private static bool IsUnimplementedInvoke(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject activity
                && activity["type"] is JsonValue type && type.TryGetValue<string>(out var t) && t == "invoke"
                && activity["name"] is JsonValue name && name.TryGetValue<string>(out var n) && n != "adaptiveCard/action";
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private JsonObject BaseActivity()
    {
        var n = Interlocked.Increment(ref _sequence);
        // Now and then the previous id again: a redelivery.
        var id = _lastId is not null && _random.Next(20) == 0 ? _lastId : $"fz-{seed}-{n}";
        _lastId = id;
        var conversation = $"a:fuzz-{_random.Next(200)}";
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = "2026-11-27T09:59:07.475Z",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:fuzz-{_random.Next(50)}", ["name"] = "测试用户", ["aadObjectId"] = $"aaaaaaaa-0000-0000-0000-{_random.Next(50):D12}" },
            ["recipient"] = new JsonObject { ["id"] = "28:organbot-fuzz", ["name"] = "OrganBot" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "11111111-2222-3333-4444-555555555555", ["id"] = conversation },
            ["locale"] = _random.Next(2) == 0 ? "zh-CN" : "en-US",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "11111111-2222-3333-4444-555555555555" } },
        };
        switch (_random.Next(7))
        {
            case 0:
                activity["type"] = "invoke";
                activity["name"] = "adaptiveCard/action";
                activity["value"] = new JsonObject
                {
                    ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "help", ["data"] = new JsonObject { ["verb"] = "help" } },
                    ["trigger"] = "manual",
                };
                break;
            case 1:
                activity["value"] = new JsonObject { ["verb"] = "help", ["ticket"] = "NX-2026-0001" };
                activity["replyToId"] = "card-1";
                break;
            case 2:
                activity["type"] = "conversationUpdate";
                activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:organbot-fuzz" }, new JsonObject { ["id"] = "29:fuzz-added", ["aadObjectId"] = "aaaaaaaa-0000-0000-0000-00000000abcd" });
                break;
            case 3:
                activity["conversation"]!["conversationType"] = "channel";
                activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2", ["name"] = "机关党委" };
                activity["channelData"]!["channel"] = new JsonObject { ["id"] = "19:general@thread.tacv2" };
                activity["text"] = "<at>OrganBot</at> " + s_texts[_random.Next(s_texts.Length)];
                activity["entities"] = new JsonArray(new JsonObject
                {
                    ["type"] = "mention", ["text"] = "<at>OrganBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:organbot-fuzz", ["name"] = "OrganBot" },
                });
                break;
            case 4:
                activity["type"] = "messageReaction";
                activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
                activity["replyToId"] = "card-1";
                break;
            case 5:
                activity["type"] = "installationUpdate";
                activity["action"] = _random.Next(2) == 0 ? "add" : "remove";
                break;
            default:
                activity["text"] = s_texts[_random.Next(s_texts.Length)];
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "zh-CN", ["timezone"] = "Asia/Shanghai" });
                break;
        }

        return activity;
    }

    private string MutateTree(JsonObject root)
    {
        var slots = new List<(JsonNode Parent, string? Key, int Index, string Path)>();
        Collect(root, "$", slots);
        var (parent, key, index, path) = slots[_random.Next(slots.Count)];
        switch (_random.Next(10))
        {
            case < 5:
                var (value, what) = Weird();
                Set(parent, key, index, value);
                return $"{path}={what}";
            case < 7 when parent is JsonObject obj && key is not null:
                obj.Remove(key);
                return $"{path} removed";
            case < 9:
                var objects = slots.Select(s => s.Parent).OfType<JsonObject>().Distinct().ToList();
                var target = objects[_random.Next(objects.Count)];
                var name = s_keys[_random.Next(s_keys.Length)];
                var (added, addedWhat) = Weird();
                target[name] = added;
                return $"+{name}={addedWhat}";
            default:
                var current = Get(parent, key, index);
                Set(parent, key, index, new JsonArray([current?.DeepClone()]));
                return $"{path} wrapped in an array";
        }
    }

    private (JsonNode? Value, string What) Weird() => _random.Next(22) switch
    {
        0 => (null, "null"),
        1 => (JsonValue.Create(5), "5"),
        2 => (JsonValue.Create(-1.5e308), "-1.5e308"),
        3 => (JsonValue.Create(true), "true"),
        4 => (JsonValue.Create(""), "\"\""),
        5 => (JsonValue.Create(new string('长', 1 + _random.Next(20_000))), "long string"),
        6 => (JsonValue.Create(new string('x', 60_000 + _random.Next(80_000))), "huge string"),
        7 => (JsonValue.Create("a\u0000b"), "NUL"),
        8 => (JsonValue.Create("\u202E\u200F**紧急**[x](https://evil.example)\uFEFF"), "bidi+markdown"),
        9 => (JsonValue.Create("\uD800"), "lone surrogate"),
        10 => (new JsonObject(), "{}"),
        11 => (new JsonArray(), "[]"),
        12 => (new JsonArray(null, null), "[null,null]"),
        13 => (new JsonArray(1, "a", new JsonObject(), new JsonArray()), "mixed array"),
        14 => (Nest(1 + _random.Next(120)), "deep nesting"),
        15 => (new JsonObject { ["id"] = 5, ["name"] = new JsonArray(), ["data"] = "x" }, "wrong-typed object"),
        16 => (JsonValue.Create("x"), "\"x\""),
        17 => (JsonValue.Create("2026-13-45T99:99:99Z"), "bad date"),
        18 => (JsonValue.Create(long.MaxValue), "long.MaxValue"),
        19 => (JsonValue.Create("http://127.0.0.1:1/"), "closed loopback URL"),
        20 => (new JsonObject { ["action"] = "x", ["data"] = new JsonArray((JsonNode?)null) }, "value-shaped"),
        _ => (JsonValue.Create("29:someone-else"), "other id"),
    };

    private JsonNode Nest(int depth)
    {
        JsonNode node = JsonValue.Create("bottom");
        for (var i = 0; i < depth; i++) node = _random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        return node;
    }

    private byte[] MutateBytes(byte[] body, List<string> mutations)
    {
        var bytes = new List<byte>(body);
        switch (_random.Next(6))
        {
            case 0:
                // Invalid UTF-8 inside a string value: a lone continuation byte, an overlong '/', an encoded surrogate.
                byte[][] invalid = [[0xFF], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80]];
                var quote = bytes.IndexOf((byte)'"', _random.Next(bytes.Count));
                bytes.InsertRange(quote < 0 ? bytes.Count / 2 : quote + 1, invalid[_random.Next(invalid.Length)]);
                mutations.Add("invalid UTF-8");
                break;
            case 1:
                var keep = _random.Next(bytes.Count);
                bytes.RemoveRange(keep, bytes.Count - keep);
                mutations.Add("truncated");
                break;
            case 2:
                bytes[_random.Next(bytes.Count)] = (byte)_random.Next(256);
                mutations.Add("flipped byte");
                break;
            case 3:
                bytes.InsertRange(1, Encoding.UTF8.GetBytes("\"type\":5,\"conversation\":\"x\","));
                mutations.Add("duplicate keys");
                break;
            case 4:
                bytes.InsertRange(0, [0xEF, 0xBB, 0xBF]);
                mutations.Add("BOM");
                break;
            default:
                bytes.Clear();
                bytes.AddRange(Encoding.UTF8.GetBytes(_random.Next(3) switch { 0 => "", 1 => "null", _ => "[]" }));
                mutations.Add("not an object");
                break;
        }

        return [.. bytes];
    }

    private static void Collect(JsonNode node, string path, List<(JsonNode, string?, int, string)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    slots.Add((obj, key, -1, $"{path}.{key}"));
                    if (child is not null) Collect(child, $"{path}.{key}", slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i, $"{path}[{i}]"));
                    if (array[i] is { } child) Collect(child, $"{path}[{i}]", slots);
                }

                break;
        }
    }

    private static JsonNode? Get(JsonNode parent, string? key, int index) => key is not null ? parent[key] : parent[index];

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (key is not null) parent[key] = value;
        else parent[index] = value;
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
