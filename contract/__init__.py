"""The contract both Python environments share (Rasa 3.10 and the service 3.11).

Standard library only: the Rasa side (``actions/``, ``channels/``) and the bundle service both import it, so a
prefix, a claim name, a header, a signature, a masking rule or a label is written once, here:

- :mod:`contract.conversations`: conversation ids (``wechat:``, ``hotline:``, ``web:``) and who a message speaks for;
- :mod:`contract.login_token`: the mini-program login token's claims (issuer, audience, the conversation claim);
- :mod:`contract.staff_claim`: the console relay's signed staff claim (hotline channel);
- :mod:`contract.gateway`: the headers a trusted front layer (the action server) sends the service;
- :mod:`contract.masking`: masking of ID numbers, phones, accounts, names, openids and secrets;
- :mod:`contract.phones`: what a mainland mobile and a landline number are (and how they stand in text);
- :mod:`contract.labels`: item names, items filed together, field and choice labels (data: ``labels.json``);
- :mod:`contract.query_length`: how long a question searched may be, and how a longer message is cut;
- :mod:`contract.dialect`: the Hunan dialect words the NLU and the knowledge search read as standard words;
- :mod:`contract.numerals`: Chinese numerals before a unit written in digits, for searching;
- :mod:`contract.english_words`: English words and labels (name, ID, phone, company, ...) read as their Chinese.
"""
