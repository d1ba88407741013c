//! Types of pallet-token. `AccountData` starts with exactly the SCALE shape and field names of
//! pallet-balances' so that wallets and `api.derive.balances.*` read it unchanged.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::Get;
use scale_info::TypeInfo;
use sp_runtime::Saturating;

use crate::snapshots::SnapshotValues;

/// The balances and voting power of an account, stored in `System::Account`.
///
/// The first four fields are those of pallet-balances' `AccountData`, in the same order and
/// SCALE shape; the voting-power fields follow them.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(S))]
#[codec(mel_bound(Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen, S: Get<u32>))]
pub struct AccountData<Balance, BlockNumber, S: Get<u32>> {
	/// The balance the account controls: it can be transferred unless frozen.
	pub free: Balance,
	/// The balance on hold (the sum of all holds): it cannot be used, but still belongs to the
	/// account and counts as voting power.
	pub reserved: Balance,
	/// `free + reserved` may not drop below this when the owner reduces it: the largest freeze,
	/// or the delegated amount if that is larger.
	pub frozen: Balance,
	/// Flags; the most significant bit marks accounts using the holds/freezes reference
	/// counting, which every account of this pallet does (kept for wallet compatibility).
	pub flags: ExtraFlags,
	/// The part of the account's own balance whose voting power it delegates: frozen while
	/// delegated, so the account's transfers never change its delegate's power.
	pub delegated: Balance,
	/// The voting power others delegate to this account.
	pub received: Balance,
	/// The account's voting power at readable snapshots, each written before the power first
	/// changed after that snapshot (see [`crate::snapshots`]).
	pub snapshots: SnapshotValues<BlockNumber, Balance, S>,
}

// By hand: derives would ask the bound `S` to be comparable, clonable, printable and to have a
// default, which `Config::MaxSnapshots` (only a `Get<u32>`) need not be.
impl<Balance: Default, BlockNumber, S: Get<u32>> Default for AccountData<Balance, BlockNumber, S> {
	fn default() -> Self {
		Self {
			free: Default::default(),
			reserved: Default::default(),
			frozen: Default::default(),
			flags: Default::default(),
			delegated: Default::default(),
			received: Default::default(),
			snapshots: Default::default(),
		}
	}
}

impl<Balance: Clone, BlockNumber: Clone, S: Get<u32>> Clone
	for AccountData<Balance, BlockNumber, S>
{
	fn clone(&self) -> Self {
		Self {
			free: self.free.clone(),
			reserved: self.reserved.clone(),
			frozen: self.frozen.clone(),
			flags: self.flags.clone(),
			delegated: self.delegated.clone(),
			received: self.received.clone(),
			snapshots: self.snapshots.clone(),
		}
	}
}

impl<Balance: core::fmt::Debug, BlockNumber: core::fmt::Debug, S: Get<u32>> core::fmt::Debug
	for AccountData<Balance, BlockNumber, S>
{
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.debug_struct("AccountData")
			.field("free", &self.free)
			.field("reserved", &self.reserved)
			.field("frozen", &self.frozen)
			.field("flags", &self.flags)
			.field("delegated", &self.delegated)
			.field("received", &self.received)
			.field("snapshots", &self.snapshots)
			.finish()
	}
}

impl<Balance: PartialEq, BlockNumber: PartialEq, S: Get<u32>> PartialEq
	for AccountData<Balance, BlockNumber, S>
{
	fn eq(&self, other: &Self) -> bool {
		self.free == other.free
			&& self.reserved == other.reserved
			&& self.frozen == other.frozen
			&& self.flags == other.flags
			&& self.delegated == other.delegated
			&& self.received == other.received
			&& self.snapshots == other.snapshots
	}
}

impl<Balance: Eq, BlockNumber: Eq, S: Get<u32>> Eq for AccountData<Balance, BlockNumber, S> {}

impl<Balance, BlockNumber: Default, S: Get<u32>> Default
	for SnapshotState<Balance, BlockNumber, S>
{
	fn default() -> Self {
		Self { first: Default::default(), period: Default::default(), supply: Default::default() }
	}
}

impl<Balance: Clone, BlockNumber: Clone, S: Get<u32>> Clone
	for SnapshotState<Balance, BlockNumber, S>
{
	fn clone(&self) -> Self {
		Self { first: self.first.clone(), period: self.period.clone(), supply: self.supply.clone() }
	}
}

impl<Balance: core::fmt::Debug, BlockNumber: core::fmt::Debug, S: Get<u32>> core::fmt::Debug
	for SnapshotState<Balance, BlockNumber, S>
{
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.debug_struct("SnapshotState")
			.field("first", &self.first)
			.field("period", &self.period)
			.field("supply", &self.supply)
			.finish()
	}
}

impl<Balance: PartialEq, BlockNumber: PartialEq, S: Get<u32>> PartialEq
	for SnapshotState<Balance, BlockNumber, S>
{
	fn eq(&self, other: &Self) -> bool {
		self.first == other.first && self.period == other.period && self.supply == other.supply
	}
}

impl<Balance: Eq, BlockNumber: Eq, S: Get<u32>> Eq for SnapshotState<Balance, BlockNumber, S> {}

impl<Balance: Saturating + Copy + Ord, BlockNumber, S: Get<u32>>
	AccountData<Balance, BlockNumber, S>
{
	/// Free balance that is not frozen.
	pub fn usable(&self) -> Balance {
		self.free.saturating_sub(self.frozen)
	}

	/// Everything the account owns: free and on hold.
	pub fn total(&self) -> Balance {
		self.free.saturating_add(self.reserved)
	}

	/// The account's voting power: what it owns, less what it delegates, plus what is delegated
	/// to it.
	pub fn power(&self) -> Balance {
		self.total().saturating_sub(self.delegated).saturating_add(self.received)
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

/// The snapshot period and the total supply at readable snapshots (see [`crate::snapshots`]).
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(S))]
#[codec(mel_bound(Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen, S: Get<u32>))]
pub struct SnapshotState<Balance, BlockNumber, S: Get<u32>> {
	/// The first snapshot block: 0 from genesis; after the migration to this layout, the block
	/// before the upgrade (the migration changes nobody's power).
	pub first: BlockNumber,
	/// A snapshot is taken at the end of every `period`-th block from `first`; zero: none.
	pub period: BlockNumber,
	/// The total issuance at readable snapshots, each written before it first changed after
	/// that snapshot.
	pub supply: SnapshotValues<BlockNumber, Balance, S>,
}

/// What an account delegates and to whom.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct Delegation<AccountId, Balance> {
	/// The delegate.
	pub to: AccountId,
	/// The amount of the delegator's own balance whose power the delegate holds.
	pub amount: Balance,
}
