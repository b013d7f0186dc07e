"""The channel's own crypto against WeChat's official examples and wechatpy as the independent peer."""

import base64

import pytest
import xmltodict
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException

from channels.wechat.crypto import (
    AppIdMismatchError,
    DecryptError,
    MessageCrypto,
    SignatureError,
    sha1_signature,
    verify_msg_signature,
    verify_signature,
)
from channels.wechat.messages import WeChatMessage, parse_fields

# WeChat's official sample for the message encryption (WXBizMsgCrypt Sample.py of the 公众平台 docs).
OFFICIAL = {
    "token": "spamtest",
    "encoding_aes_key": "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    "app_id": "wx2c2769f8efd9abc2",
    "timestamp": "1409735669",
    "nonce": "1320562132",
    "msg_signature": "5d197aaffba7e9b25a30732f161a50dee96bd5fa",
    "signature": "16120ec1b8dbb870f510d87ce6bc2463eae6ca1a",
    "encrypt": (
        "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9"
        "FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3y"
        "t+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v"
        "6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE="
    ),
}

# wechatpy's own test vectors (tests/test_crypto.py): the same AES scheme, with a fixed 16-byte random prefix.
WECHATPY = {
    "token": "123456",
    "encoding_aes_key": "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
    "app_id": "wx49f0ab532d5d035a",
    "reply": (
        "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n"
        "<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n"
        "<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>"
    ),
    "reply_encrypted": (
        "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObv"
        "esEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRr"
        "rNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazP"
        "oQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3"
    ),
    "reply_signature": "407518b7649e86ef23978113f92d27afa9296533",
    "timestamp": "1411525903",
    "nonce": "461056294",
    "incoming": (
        "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymz"
        "xh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOA"
        "QqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe"
        "7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0="
    ),
    "incoming_signature": "74d92dfeb87ba7c714f89d98870ae5eb62dff26d",
}


def test_official_example_signatures() -> None:
    verify_signature(OFFICIAL["token"], OFFICIAL["signature"], OFFICIAL["timestamp"], OFFICIAL["nonce"])
    verify_msg_signature(
        OFFICIAL["token"], OFFICIAL["msg_signature"], OFFICIAL["timestamp"], OFFICIAL["nonce"], OFFICIAL["encrypt"]
    )


def test_official_example_decrypts_to_the_text_message() -> None:
    plain = MessageCrypto(OFFICIAL["encoding_aes_key"], OFFICIAL["app_id"]).decrypt(OFFICIAL["encrypt"])
    message = WeChatMessage.from_fields(parse_fields(plain, "xml"))
    assert message.openid == "oyORnuP8q7ou2gfYjqLzSIWZf0rs"
    assert message.to_user == "gh_10f6c3c3ac5a"
    assert (message.msg_type, message.content, message.msg_id) == ("text", "abcdteT", "6054768590064713728")
    assert message.create_time == 1409735668


def test_official_example_matches_wechatpy() -> None:
    envelope = {"ToUserName": "gh_10f6c3c3ac5a", "Encrypt": OFFICIAL["encrypt"]}
    theirs = WeChatCrypto(OFFICIAL["token"], OFFICIAL["encoding_aes_key"], OFFICIAL["app_id"]).decrypt_message(
        envelope, OFFICIAL["msg_signature"], OFFICIAL["timestamp"], OFFICIAL["nonce"]
    )
    ours = MessageCrypto(OFFICIAL["encoding_aes_key"], OFFICIAL["app_id"]).decrypt(OFFICIAL["encrypt"])
    assert ours == theirs


def test_wechatpy_vector_decrypts() -> None:
    verify_msg_signature(
        WECHATPY["token"],
        WECHATPY["incoming_signature"],
        WECHATPY["timestamp"],
        WECHATPY["nonce"],
        WECHATPY["incoming"],
    )
    plain = MessageCrypto(WECHATPY["encoding_aes_key"], WECHATPY["app_id"]).decrypt(WECHATPY["incoming"])
    fields = parse_fields(plain, "xml")
    assert (fields["Content"], fields["FromUserName"]) == ("test", "messense")


def test_encryption_is_byte_for_byte_wechatpys_vector() -> None:
    crypto = MessageCrypto(WECHATPY["encoding_aes_key"], WECHATPY["app_id"])
    encrypted = crypto.encrypt(WECHATPY["reply"], random_prefix=b"1234567890123456")
    assert encrypted == WECHATPY["reply_encrypted"]
    assert (
        sha1_signature(WECHATPY["token"], WECHATPY["timestamp"], WECHATPY["nonce"], encrypted)
        == WECHATPY["reply_signature"]
    )


@pytest.mark.parametrize("text", ["你好", "<xml><Content><![CDATA[创业担保贷款]]></Content></xml>", "x" * 5000, ""])
def test_round_trip_with_wechatpy_both_ways(text: str) -> None:
    ours = MessageCrypto(WECHATPY["encoding_aes_key"], WECHATPY["app_id"])
    theirs = WeChatCrypto(WECHATPY["token"], WECHATPY["encoding_aes_key"], WECHATPY["app_id"])
    envelope = xmltodict.parse(theirs.encrypt_message(text, "nonce", "1700000000"))["xml"]
    assert ours.decrypt(envelope["Encrypt"]) == text

    encrypted = ours.encrypt(text)
    signature = sha1_signature(WECHATPY["token"], "1700000000", "nonce", encrypted)
    assert theirs.decrypt_message({"Encrypt": encrypted}, signature, "1700000000", "nonce") == text


def test_another_appid_is_refused_by_both() -> None:
    encrypted = MessageCrypto(WECHATPY["encoding_aes_key"], "wx0000000000000000").encrypt("<xml></xml>")
    with pytest.raises(AppIdMismatchError):
        MessageCrypto(WECHATPY["encoding_aes_key"], WECHATPY["app_id"]).decrypt(encrypted)
    signature = sha1_signature(WECHATPY["token"], "1", "2", encrypted)
    with pytest.raises(InvalidAppIdException):
        WeChatCrypto(WECHATPY["token"], WECHATPY["encoding_aes_key"], WECHATPY["app_id"]).decrypt_message(
            {"Encrypt": encrypted}, signature, "1", "2"
        )


def test_tampered_signatures_are_refused() -> None:
    with pytest.raises(SignatureError):
        verify_signature(OFFICIAL["token"], "0" * 40, OFFICIAL["timestamp"], OFFICIAL["nonce"])
    with pytest.raises(SignatureError):
        verify_signature(OFFICIAL["token"], "", OFFICIAL["timestamp"], OFFICIAL["nonce"])
    with pytest.raises(SignatureError):
        verify_msg_signature(
            OFFICIAL["token"], OFFICIAL["msg_signature"], OFFICIAL["timestamp"], "1320562133", OFFICIAL["encrypt"]
        )


@pytest.mark.parametrize(
    "ciphertext",
    [
        "not base64!",
        base64.b64encode(b"short").decode(),
        base64.b64encode(bytes(32)).decode(),  # decrypts to garbage padding
    ],
)
def test_malformed_ciphertext_is_a_decrypt_error(ciphertext: str) -> None:
    with pytest.raises(DecryptError):
        MessageCrypto(WECHATPY["encoding_aes_key"], WECHATPY["app_id"]).decrypt(ciphertext)


def test_encoding_aes_key_must_have_43_characters() -> None:
    with pytest.raises(ValueError, match="43"):
        MessageCrypto("too-short", WECHATPY["app_id"])
