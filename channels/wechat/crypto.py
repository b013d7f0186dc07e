"""Signatures and the AES "safe mode" of WeChat message push (消息加解密).

WeChat signs every push with SHA-1 over the sorted strings (token, timestamp,
nonce) - and, in safe mode, the ciphertext as well (``msg_signature``). In safe
mode the message is AES-256-CBC encrypted with the 43-character EncodingAESKey
(base64 of the 32-byte key; the IV is the key's first 16 bytes) over

    16 random bytes | 4-byte big-endian length | message | AppID

padded PKCS#7-style to a multiple of 32 bytes. The AppID at the end is checked:
a message for another mini program is refused.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

AES_KEY_LENGTH = 43
BLOCK_SIZE = 32
RANDOM_PREFIX = 16
LENGTH_FIELD = 4


class SignatureError(Exception):
    """The request's signature does not match the configured token."""


class AppIdMismatchError(Exception):
    """The decrypted message was meant for another AppID."""


class DecryptError(Exception):
    """The ciphertext is not valid base64, AES or padding."""


def sha1_signature(*parts: str) -> str:
    """WeChat's signature: SHA-1 hex digest of the parts sorted and concatenated.

    Args:
        *parts: token, timestamp, nonce and, for ``msg_signature``, the ciphertext.

    Returns:
        The 40-character lowercase hex digest.
    """
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()


def verify_signature(token: str, signature: str, timestamp: str, nonce: str) -> None:
    """Check the plain ``signature`` query parameter.

    Args:
        token: the Token configured in the mini program's message push settings.
        signature: the ``signature`` query parameter.
        timestamp: the ``timestamp`` query parameter.
        nonce: the ``nonce`` query parameter.

    Raises:
        SignatureError: the signature is missing or wrong.
    """
    expected = sha1_signature(token, timestamp, nonce)
    if not signature or not hmac.compare_digest(expected, signature.lower()):
        raise SignatureError("signature mismatch")


def verify_msg_signature(token: str, msg_signature: str, timestamp: str, nonce: str, encrypted: str) -> None:
    """Check the safe-mode ``msg_signature`` (which also covers the ciphertext).

    Args:
        token: the configured Token.
        msg_signature: the ``msg_signature`` query parameter.
        timestamp: the ``timestamp`` query parameter.
        nonce: the ``nonce`` query parameter.
        encrypted: the ``Encrypt`` field of the body.

    Raises:
        SignatureError: the signature is missing or wrong.
    """
    expected = sha1_signature(token, timestamp, nonce, encrypted)
    if not msg_signature or not hmac.compare_digest(expected, msg_signature.lower()):
        raise SignatureError("msg_signature mismatch")


class MessageCrypto:
    """Encrypts and decrypts safe-mode messages for one AppID."""

    def __init__(self, encoding_aes_key: str, app_id: str) -> None:
        """Derive the AES key from the EncodingAESKey.

        Args:
            encoding_aes_key: the 43-character EncodingAESKey.
            app_id: the mini program's AppID, expected at the end of every message.

        Raises:
            ValueError: the EncodingAESKey is not 43 base64 characters.
        """
        if len(encoding_aes_key) != AES_KEY_LENGTH:
            raise ValueError(f"EncodingAESKey must have {AES_KEY_LENGTH} characters, got {len(encoding_aes_key)}")
        try:
            self._key = base64.b64decode(encoding_aes_key + "=", validate=True)
        except binascii.Error as error:
            raise ValueError("EncodingAESKey is not valid base64") from error
        self._app_id = app_id.encode("utf-8")

    def _cipher(self) -> Cipher[modes.CBC]:
        return Cipher(algorithms.AES(self._key), modes.CBC(self._key[:16]))

    def decrypt(self, encrypted: str) -> str:
        """Decrypt an ``Encrypt`` field and check its AppID.

        Args:
            encrypted: the base64 ciphertext.

        Returns:
            The plaintext message (XML or JSON text).

        Raises:
            DecryptError: the ciphertext or its padding is malformed.
            AppIdMismatchError: the message names another AppID.
        """
        try:
            ciphertext = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError) as error:
            raise DecryptError("ciphertext is not base64") from error
        if not ciphertext or len(ciphertext) % 16:
            raise DecryptError("ciphertext length is not a multiple of the AES block")
        decryptor = self._cipher().decryptor()
        padded = decryptor.update(ciphertext) + decryptor.finalize()
        pad = padded[-1]
        if not 1 <= pad <= BLOCK_SIZE or padded[-pad:] != bytes([pad]) * pad:
            raise DecryptError("bad padding")
        plain = padded[:-pad]
        if len(plain) < RANDOM_PREFIX + LENGTH_FIELD:
            raise DecryptError("message too short")
        (length,) = struct.unpack(">I", plain[RANDOM_PREFIX : RANDOM_PREFIX + LENGTH_FIELD])
        start = RANDOM_PREFIX + LENGTH_FIELD
        if start + length > len(plain):
            raise DecryptError("declared length exceeds the message")
        message, app_id = plain[start : start + length], plain[start + length :]
        if not hmac.compare_digest(app_id, self._app_id):
            raise AppIdMismatchError("message is for another AppID")
        try:
            return message.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DecryptError("message is not UTF-8") from error

    def encrypt(self, message: str, random_prefix: bytes | None = None) -> str:
        """Encrypt a message the way WeChat does (used for replies and by the benchmark).

        Args:
            message: plaintext XML or JSON.
            random_prefix: 16 bytes to start with; random when omitted (fixed only in tests).

        Returns:
            The base64 ciphertext.
        """
        prefix = random_prefix if random_prefix is not None else os.urandom(RANDOM_PREFIX)
        body = message.encode("utf-8")
        plain = prefix + struct.pack(">I", len(body)) + body + self._app_id
        pad = BLOCK_SIZE - len(plain) % BLOCK_SIZE
        encryptor = self._cipher().encryptor()
        ciphertext = encryptor.update(plain + bytes([pad]) * pad) + encryptor.finalize()
        return base64.b64encode(ciphertext).decode("ascii")
