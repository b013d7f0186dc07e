"""Text normalisation and the tokens BM25 indexes (jieba words plus character bigrams)."""

import itertools
import re
import threading
import unicodedata
from collections.abc import Iterable

import jieba

# Particles, pronouns and politeness words that say nothing about the topic. Question words that do
# (多久, 多少, 哪些, 谁) are kept: they separate a time-limit question from an amount question.
STOPWORDS = frozenset(
    "的 了 吗 呢 吧 啊 呀 哦 哈 嘛 么 啦 喔 噢 嗯 是 我 你 他 她 我们 你们 他们 这 那 这个 那个 就 都 也 还 和 与 或 "
    "及 在 有 没 请问 请 问 一下 想 想问 咨询 麻烦 谢谢 您好 你好 好 吧 个 些 下 能 会 要 去 给 把 被 让 得 地 着 过 "
    "可以 怎么 怎样 如何 什么 啥 呗".split()
)
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Words of this domain jieba's general dictionary splits apart; kept whole so BM25 matches them as terms.
DOMAIN_WORDS = (
    "一件事 就业创业证 养老保险 创业补贴 创业担保贷款 担保贷款 孵化基地 创业培训 经营主体 营业执照 纳税人 "
    "信息采集表 免提交 免申即享 并联审批 串联审批 个体工商户 个体户 灵活就业 小微企业 农民专业合作社 "
    "高校毕业生 返乡创业 农民工 退役军人 登记失业 就业困难 刑满释放 脱贫人口 财政贴息 缴费基数 个人账户 "
    "电子营业执照 电子证照 数据共享 湘易办 政务服务网 创业服务窗口 创业在湘 接待站 黄花机场 长沙南站 "
    "好差评 需补正 不予受理 已办结 审核中 已受理 工作日 调休 红灯 黄灯 绿灯 申请编号 创业计划书 经营场所 "
    "税种认定 发票申领 网创 刻章 银行开户 大学生村官 留学回国 网商 征信 公示"
).split()

_tokenizer: jieba.Tokenizer | None = None
_tokenizer_lock = threading.Lock()


def normalize(text: str) -> str:
    """NFKC-normalise (full-width to half-width), lower-case and trim ``text``."""
    return unicodedata.normalize("NFKC", text).lower().strip()


def _jieba() -> jieba.Tokenizer:
    """A private jieba tokenizer with the domain words (the global one is left alone)."""
    global _tokenizer  # noqa: PLW0603 - one lazily built tokenizer per process
    with _tokenizer_lock:
        if _tokenizer is None:
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            for word in DOMAIN_WORDS:
                tokenizer.add_word(word, freq=2000)
            _tokenizer = tokenizer
        return _tokenizer


def words(text: str) -> list[str]:
    """Jieba words of ``text`` (search mode, so long words also yield their parts), without stopwords."""
    result = []
    for word in _jieba().lcut_for_search(normalize(text)):
        token = _PUNCT.sub("", word)
        if token and token not in STOPWORDS:
            result.append(token)
    return result


def bigrams(text: str) -> list[str]:
    """Chinese character bigrams of ``text`` (robust to typos and segmentation differences)."""
    chars = [c for c in normalize(text) if _CJK.match(c)]
    return [f"{a}{b}" for a, b in itertools.pairwise(chars)]


def tokens(text: str, *, with_bigrams: bool = True) -> list[str]:
    """What BM25 indexes and queries: jieba words, plus ``#``-marked character bigrams."""
    result = words(text)
    if with_bigrams:
        result.extend(f"#{b}" for b in bigrams(text))
    return result


def join_nonempty(parts: Iterable[str | None], sep: str = "｜") -> str:
    """Join the non-empty parts with ``sep``."""
    return sep.join(p for p in parts if p)
