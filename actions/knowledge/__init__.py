"""Policy questions answered from the bundle service's knowledge base.

What is searched, the answer with its source, comparisons, the overview's follow-ups and the 👍/👎
under an answer.
"""
