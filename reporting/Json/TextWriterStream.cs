// A write-only Stream in front of a TextWriter, so that System.Text.Json, which streams only to a Stream, can write a
// report to a file, the console or a string as it goes. The UTF-8 bytes written are decoded as they come (a character
// split across two writes included) and written on as characters. It reads, seeks and buffers nothing.
using System.Text;

namespace SweepCluster.Reporting.Json;

/// <summary>Decodes the UTF-8 bytes written to it and writes the characters to a <see cref="TextWriter"/>.</summary>
internal sealed class TextWriterStream(TextWriter output) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private char[] _characters = [];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var count = _decoder.GetCharCount(buffer, flush: false);
        if (_characters.Length < count) _characters = new char[count];
        var written = _decoder.GetChars(buffer, _characters, flush: false);
        output.Write(_characters, 0, written);
    }

    public override void Flush() => output.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
