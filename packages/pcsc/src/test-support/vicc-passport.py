"""An ICAO ePassport in vsmartcard's vicc, with the files we give it, connected to vpcd.

vicc's own `ePass` type prompts for an MRZ, writes its own EF.COM and DG1 and puts EF.SOD at 010D; this
launcher builds the LDS1 application from our files instead (EF.COM 011E/1E, EF.SOD 011D/1D, DGn
01nn/nn, ICAO 9303-10 §4.6) and keeps vicc's PassportSAM for BAC and secure messaging: the card side of
the exchange is vicc's code, not ours.

Usage: python3 vicc-passport.py --port PORT --com FILE --sod FILE --dg N=FILE [--dg N=FILE ...]
                                 [--corrupt-mac]
Prints "ready" once connected to vpcd. --corrupt-mac flips a bit of the MAC (DO'8E') in every protected
response after BAC, as a card (or a man in the middle) with a wrong MAC would.
"""
import argparse
import os
import sys

# Debian's python3-pycryptodome is the `Cryptodome` package; vicc imports `Crypto`.
import Cryptodome
import Cryptodome.Cipher
import Cryptodome.Hash

sys.modules.setdefault("Crypto", Cryptodome)
sys.modules.setdefault("Crypto.Cipher", Cryptodome.Cipher)
sys.modules.setdefault("Crypto.Hash", Cryptodome.Hash)

import importlib.util  # noqa: E402
import types  # noqa: E402

import virtualsmartcard.CryptoUtils as vs_crypto  # noqa: E402
import virtualsmartcard.TLVutils as vs_tlv  # noqa: E402

# vicc 0.8 as Debian ships it still mixes Python 2 strings into its byte handling: BAC's XOR of the key
# seeds calls ord() on bytes, TLVutils.pack ends in b"".join() over bytes, and secure messaging builds
# its data from "" and "\x01". Each fails on Python 3 (a crash, or 6988 on every protected command).
# The fixes below change those types only; every step of BAC and secure messaging stays vicc's own code.


def xor_bytes(a, b, op):
    if len(a) != len(b):
        raise ValueError("string1 and string2 must be of equal length")
    return bytes(op(x, y) for x, y in zip(a, b))


def tlv_pack(tlv_data, recalculate_length=False):
    result = b""
    for data in tlv_data:
        tag, length, value = data[:3]
        if tag in (0xFF, 0x00):
            result += bytes([tag])
            continue
        if not isinstance(value, bytes):
            value = tlv_pack(value, recalculate_length)
        if recalculate_length:
            length = len(value)
        t = b""
        while tag > 0:
            t = bytes([tag & 0xFF]) + t
            tag >>= 8
        if length < 0x7F:
            size = bytes([length])
        else:
            size = length.to_bytes((length.bit_length() + 7) // 8, "big")
            size = bytes([0x80 | len(size)]) + size
        result += t + size + value
    return result


vs_crypto.operation_on_string = xor_bytes
vs_tlv.pack = tlv_pack

# SEutils (secure messaging) loaded from vicc's own source with its string literals made bytes.
SE_FIXES = [
    ('return_data = ["", ]', 'return_data = [b"", ]'),
    ('to_authenticate = ""', 'to_authenticate = b""'),
    ('stringtoint(value[0])', 'value[0]'),
    ('data="".join(return_data)', 'data=b"".join(return_data)'),
    ('return_data = ""', 'return_data = b""'),
    ('if result != "":', 'if result != b"" and result != "":'),
    ('encrypted = "\\x01" + encrypted', 'encrypted = b"\\x01" + encrypted'),
]
spec = importlib.util.find_spec("virtualsmartcard.SEutils")
source = open(spec.origin).read()
for before, after in SE_FIXES:
    if before not in source:
        raise SystemExit("vicc's SEutils changed: " + before)
    source = source.replace(before, after)
se_module = types.ModuleType("virtualsmartcard.SEutils")
se_module.__file__ = spec.origin
exec(compile(source, spec.origin, "exec"), se_module.__dict__)
se_module.pack = tlv_pack
sys.modules["virtualsmartcard.SEutils"] = se_module

import virtualsmartcard.SmartcardFilesystem as vs_fs  # noqa: E402
import virtualsmartcard.VirtualSmartcard as vs  # noqa: E402
from virtualsmartcard.cards.ePass import PassportSAM  # noqa: E402

vs_fs.pack = tlv_pack
DF, MF, TransparentStructureEF = vs_fs.DF, vs_fs.MF, vs_fs.TransparentStructureEF

LDS1_AID = b"\xa0\x00\x00\x02\x47\x10\x01"


def build(files):
    mf = MF()
    df = DF(parent=mf, fid=4, dfname=LDS1_AID, bertlv_data=[])
    for fid, data in files:
        df.append(TransparentStructureEF(parent=df, fid=fid, filedescriptor=0, shortfid=fid & 0x1F, data=data))
    mf.append(df)
    return mf, PassportSAM(mf)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--com", required=True)
    parser.add_argument("--sod", required=True)
    parser.add_argument("--dg", action="append", default=[])
    parser.add_argument("--corrupt-mac", action="store_true")
    args = parser.parse_args()

    def read(path):
        with open(path, "rb") as f:
            return f.read()

    files = [(0x011E, read(args.com)), (0x011D, read(args.sod))]
    for spec in args.dg:
        n, path = spec.split("=", 1)
        files.append((0x0100 + int(n), read(path)))
    mf, sam = build(files)

    class Generator:
        def __init__(self, card_type):
            pass

        def getCard(self):
            return mf, sam

    vs.CardGenerator = Generator
    vicc = vs.VirtualICC(None, "ePass", "localhost", args.port, logginglevel=int(os.environ.get("VICC_LOGLEVEL", "50")))
    if args.corrupt_mac:
        execute = vicc.os.execute

        def corrupting(msg):
            answer = execute(msg)
            # A protected response ends DO'8E' 08 <8-byte MAC> SW1 SW2.
            if len(answer) > 12 and answer[-12] == 0x8E and answer[-11] == 0x08:
                answer = answer[:-3] + bytes([answer[-3] ^ 0x01]) + answer[-2:]
            return answer

        vicc.os.execute = corrupting
    print("ready", flush=True)
    try:
        vicc.run()
    except KeyboardInterrupt:
        pass


main()
