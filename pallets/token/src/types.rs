//! Types of pallet-token. `AccountData` has exactly the SCALE shape and field names of
//! pallet-balances' so that wallets and `api.derive.balances.*` read it unchanged.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Saturating;

/// The balances of an account, stored in `System::Account`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Default,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct AccountData<Balance> {
	/// The balance the account controls: it can be transferred unless frozen.
	pub free: Balance,
	/// The balance on hold (the sum of all holds): it cannot be used, but still belongs to the
	/// account and counts as voting power.
	pub reserved: Balance,
	/// `free + reserved` may not drop below this when the owner reduces it (the largest freeze).
	pub frozen: Balance,
	/// Flags; the most significant bit marks accounts using the holds/freezes reference
	/// counting, which every account of this pallet does (kept for wallet compatibility).
	pub flags: ExtraFlags,
}

impl<Balance: Saturating + Copy + Ord> AccountData<Balance> {
	/// Free balance that is not frozen.
	pub fn usable(&self) -> Balance {
		self.free.saturating_sub(self.frozen)
	}

	/// Everything the account owns: free and on hold. This is its own voting power.
	pub fn total(&self) -> Balance {
		self.free.saturating_add(self.reserved)
	}
}

/// Bit marking the holds/freezes reference-counting logic (as in pallet-balances).
pub(crate) const IS_NEW_LOGIC: u128 = 0x8000_0000_0000_0000_0000_0000_0000_0000u128;

/// Extra account flags (see [`AccountData::flags`]).
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct ExtraFlags(pub(crate) u128);

impl Default for ExtraFlags {
	fn default() -> Self {
		Self(IS_NEW_LOGIC)
	}
}

impl ExtraFlags {
	/// Whether the holds/freezes logic is in place (always, for this pallet's accounts).
	pub fn is_new_logic(&self) -> bool {
		self.0 & IS_NEW_LOGIC == IS_NEW_LOGIC
	}
}

/// An amount under an identifier: a hold (by reason) or a freeze (by id).
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct IdAmount<Id, Balance> {
	/// The identifier.
	pub id: Id,
	/// The amount.
	pub amount: Balance,
}

/// The position of the supply history inside its ring of storage slots.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct RingBounds {
	/// The slot of the oldest checkpoint.
	pub first: u32,
	/// How many checkpoints are stored.
	pub len: u32,
}
