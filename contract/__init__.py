"""The contract both Python environments share (Rasa 3.10 and the service 3.11).

Standard library only: the Rasa side (``actions/``, ``channels/``) and the bundle service both import it, so a
prefix, a claim name, a signature or a masking rule is written once, here.
"""
