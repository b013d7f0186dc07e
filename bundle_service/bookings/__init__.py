"""Booking the next steps after the business licence: seal engraving and bank account opening, in parallel.

Owns which kinds can be booked and what each kind of provider receives (``kinds``, ``passing``: the Mianyang
point-to-point rule, only the data that provider needs and only once the user chose it), the admin-editable list
of engravers and bank branches (``providers``), and the bookings themselves (``booking``). Called by the routes
``bookings`` and ``admin/booking_providers`` and, for the offer, by the department workflow when registration
finishes. A wing of its own because it starts after the bundle's items, with outside providers of its own.
"""
