//! # pallet-token: the MTC token
//!
//! ## Overview
//!
//! The native currency of the MetaCert governance chain and the source of its voting power. It is
//! a complete [`fungible`](frame_support::traits::fungible) currency (free, held and frozen
//! balances, existential deposit and dust, total issuance, account providers/consumers) that is a
//! drop-in replacement for `pallet-balances`: in a runtime it is named `Balances`, stores
//! [`AccountData`] in `System::Account` starting with the same four fields, and its calls, events
//! and errors have pallet-balances' names, arguments and indices where they overlap, so wallets
//! and polkadot.js work unchanged.
//!
//! What pallet-balances lacks is **voting power at snapshots**: [`Pallet::voting_power_at`] and
//! [`Pallet::total_supply_at`] answer "how much at the end of snapshot block S" exactly, for every
//! readable snapshot, whatever anyone does afterwards. Tokens moved after a snapshot never change
//! what is read at it: no double voting by moving tokens, no flash-loan power.
//!
//! ## Terminology
//!
//! - **Total balance**: `free + reserved` of an account. Funds on hold (deposits) and frozen funds
//!   still belong to the account and count in full.
//! - **Voting power**: the account's total balance, less the amount it delegates, plus the amounts
//!   delegated to it ([`AccountData::power`]).
//! - **Delegation**: [`Pallet::delegate`] lends the voting power of a fixed amount of the caller's
//!   own balance to another account; the amount stays frozen while delegated, so the delegator's
//!   transfers and fees never touch the delegate. Power received is never passed on (one level),
//!   and an account's own delegation does not depend on who delegates to it: nobody can stop an
//!   account from delegating or undelegating.
//! - **Snapshot**: the state at the end of every block that is a multiple of the snapshot period
//!   (set at genesis). At most [`Config::MaxSnapshots`] are readable at once; see
//!   [`snapshots`] for the rule and how values are recorded (lazily, before the first change
//!   after each snapshot, in the account's own record: a transfer touches only the two accounts
//!   it moves funds between).
//! - **Kept record**: an account reaped (below the existential deposit) while it had power at a
//!   readable snapshot keeps its record, holding nothing but those values, until they expire
//!   ([`Pallet::kept_for_snapshots`], [`Pallet::clear_reaped_power`]): every voter's power is in
//!   its own `System::Account` entry.
//!
//! ## In a runtime
//!
//! Use it as `Balances` at the index pallet-balances would have, with `AccountStore = System` and
//! `frame_system::Config::AccountData = pallet_token::AccountData<Balance, BlockNumber,
//! MaxSnapshots>`. Hand [`Pallet`] to other pallets as their `fungible::*` currency and as their
//! voting-power source ([`metacert_primitives::VotingPower`]). Choose the snapshot period so that
//! `period * (MaxSnapshots - 1)` covers the longest voting period
//! ([`Pallet::longest_voting_period`]).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod impl_fungible;
pub mod migrations;
pub mod runtime_api;
pub mod snapshots;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use frame_support::{
	defensive, ensure,
	pallet_prelude::*,
	traits::{
		fungible,
		tokens::{fungible::Credit, Fortitude::Polite, Preservation, Preservation::Expendable},
		Defensive, OnUnbalanced, StoredMap,
	},
	BoundedSlice,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{
	traits::{
		AtLeast32BitUnsigned, CheckedAdd, CheckedSub, MaybeSerializeDeserialize, Saturating,
		StaticLookup, Zero,
	},
	ArithmeticError, DispatchError, FixedPointOperand, SaturatedConversion,
};

pub use metacert_primitives::VotingPower;
pub use pallet::*;
pub use snapshots::{Schedule, SnapshotValue, SnapshotValues};
pub use types::{AccountData, Delegation, ExtraFlags, IdAmount, SnapshotState};
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::token";

/// A credit (an imbalance to be placed somewhere) of this pallet's currency.
pub type CreditOf<T> = Credit<<T as frame_system::Config>::AccountId, Pallet<T>>;

/// The account data of a runtime using this pallet. Lowering `MaxSnapshots` in an upgrade needs a
/// migration: a longer list no longer decodes.
pub type AccountDataOf<T> =
	AccountData<<T as Config>::Balance, BlockNumberFor<T>, <T as Config>::MaxSnapshots>;

/// The snapshot values of a runtime using this pallet.
pub type SnapshotValuesOf<T> =
	SnapshotValues<BlockNumberFor<T>, <T as Config>::Balance, <T as Config>::MaxSnapshots>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version: 1 since voting power is kept at snapshots in `AccountData`
	/// (see [`crate::migrations`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// Default configurations of this pallet for tests and examples.
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl,
			traits::{ConstU32, ConstU64},
		};

		/// A configuration for tests: `u64` balances, existential deposit 1, 4 readable
		/// snapshots.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			#[inject_runtime_type]
			type RuntimeFreezeReason = ();
			type Balance = u64;
			type ExistentialDeposit = ConstU64<1>;
			type DustRemoval = ();
			type MaxFreezes = ConstU32<4>;
			type MaxHolds = ConstU32<4>;
			type MaxSnapshots = ConstU32<4>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The reasons funds are held for (the runtime's aggregate).
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: Parameter + Member + MaxEncodedLen + Copy;

		/// The reasons funds are frozen for (the runtime's aggregate); also the freeze id.
		#[pallet::no_default_bounds]
		type RuntimeFreezeReason: Parameter + Member + MaxEncodedLen + Copy;

		/// The balance type.
		type Balance: Parameter
			+ Member
			+ AtLeast32BitUnsigned
			+ codec::FullCodec
			+ codec::HasCompact<Type: DecodeWithMemTracking>
			+ Default
			+ Copy
			+ MaybeSerializeDeserialize
			+ core::fmt::Debug
			+ MaxEncodedLen
			+ TypeInfo
			+ FixedPointOperand;

		/// The least balance an account may hold; less is dust and the account is reaped. Also
		/// the least amount that can be delegated.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ExistentialDeposit: Get<Self::Balance>;

		/// Where dust goes (`()` burns it).
		#[pallet::no_default_bounds]
		type DustRemoval: OnUnbalanced<CreditOf<Self>>;

		/// Where account data is stored (`frame_system::Pallet` for `System::Account`).
		#[pallet::no_default]
		type AccountStore: StoredMap<Self::AccountId, AccountDataOf<Self>>;

		/// Most freezes per account.
		#[pallet::constant]
		type MaxFreezes: Get<u32>;

		/// Most holds per account.
		#[pallet::constant]
		type MaxHolds: Get<u32>;

		/// How many snapshots are readable at once (at least 2): the bound of every list of
		/// snapshot values. With snapshot period `P`, a proposal may vote for `P * (this - 1)`
		/// blocks.
		#[pallet::constant]
		type MaxSnapshots: Get<u32>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The total units issued. A plain value: one global number.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type TotalIssuance<T: Config> = StorageValue<_, T::Balance, ValueQuery>;

	/// The units issued but not active (excluded from `active_issuance`).
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type InactiveIssuance<T: Config> = StorageValue<_, T::Balance, ValueQuery>;

	/// The snapshot period and the total supply at readable snapshots. A plain value, read in
	/// `on_initialize` of every block (so it is whitelisted: every balance change reads it).
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type Snapshots<T: Config> =
		StorageValue<_, SnapshotState<T::Balance, BlockNumberFor<T>, T::MaxSnapshots>, ValueQuery>;

	/// Holds of each account, by reason. `Blake2_128Concat`: keys are user-chosen accounts.
	#[pallet::storage]
	pub type Holds<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<IdAmount<T::RuntimeHoldReason, T::Balance>, T::MaxHolds>,
		ValueQuery,
	>;

	/// Freezes of each account, by id. `Blake2_128Concat`: keys are user-chosen accounts.
	#[pallet::storage]
	pub type Freezes<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<IdAmount<T::RuntimeFreezeReason, T::Balance>, T::MaxFreezes>,
		ValueQuery,
	>;

	/// What each delegating account delegates, and to whom.
	/// `Blake2_128Concat`: keys are user-chosen accounts.
	#[pallet::storage]
	pub type DelegationOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Delegation<T::AccountId, T::Balance>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account was created with some free balance.
		#[codec(index = 0)]
		Endowed {
			/// The account.
			account: T::AccountId,
			/// Its free balance.
			free_balance: T::Balance,
		},
		/// An account was removed whose balance was non-zero but below the existential deposit.
		#[codec(index = 1)]
		DustLost {
			/// The account.
			account: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Transfer succeeded.
		#[codec(index = 2)]
		Transfer {
			/// The sending account.
			from: T::AccountId,
			/// The receiving account.
			to: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// A balance was set by root.
		#[codec(index = 3)]
		BalanceSet {
			/// The account.
			who: T::AccountId,
			/// The new free balance.
			free: T::Balance,
		},
		/// Some amount was deposited (e.g. for transaction fees).
		#[codec(index = 7)]
		Deposit {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was withdrawn from the account (e.g. for transaction fees).
		#[codec(index = 8)]
		Withdraw {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was removed from the account (e.g. for misbehavior).
		#[codec(index = 9)]
		Slashed {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was minted into an account.
		#[codec(index = 10)]
		Minted {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was burned from an account.
		#[codec(index = 12)]
		Burned {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was suspended from an account (it can be restored later).
		#[codec(index = 14)]
		Suspended {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was restored into an account.
		#[codec(index = 15)]
		Restored {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Total issuance was increased by `amount`, creating a credit to be balanced.
		#[codec(index = 17)]
		Issued {
			/// The amount.
			amount: T::Balance,
		},
		/// Total issuance was decreased by `amount`, creating a debt to be balanced.
		#[codec(index = 18)]
		Rescinded {
			/// The amount.
			amount: T::Balance,
		},
		/// Some balance was frozen.
		#[codec(index = 21)]
		Frozen {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some balance was thawed.
		#[codec(index = 22)]
		Thawed {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// The total issuance was forcefully changed.
		#[codec(index = 23)]
		TotalIssuanceForced {
			/// The total issuance before.
			old: T::Balance,
			/// The total issuance after.
			new: T::Balance,
		},
		/// Some funds were put on hold.
		#[codec(index = 24)]
		Held {
			/// Why the funds are held.
			reason: T::RuntimeHoldReason,
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Held funds were burned.
		#[codec(index = 25)]
		BurnedHeld {
			/// Why the funds are held.
			reason: T::RuntimeHoldReason,
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Held funds were transferred, still on hold, to another account.
		#[codec(index = 26)]
		TransferOnHold {
			/// Why the funds are held.
			reason: T::RuntimeHoldReason,
			/// The sending account.
			source: T::AccountId,
			/// The receiving account.
			dest: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Free funds were transferred to another account and put on hold there.
		#[codec(index = 27)]
		TransferAndHold {
			/// Why the funds are held.
			reason: T::RuntimeHoldReason,
			/// The sending account.
			source: T::AccountId,
			/// The receiving account.
			dest: T::AccountId,
			/// The amount transferred.
			transferred: T::Balance,
		},
		/// Held funds were released.
		#[codec(index = 28)]
		Released {
			/// Why the funds are held.
			reason: T::RuntimeHoldReason,
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// `who` delegates the voting power of `amount` of its balance to `to` (replacing its
		/// earlier delegation, if any).
		#[codec(index = 40)]
		Delegated {
			/// The delegating account.
			who: T::AccountId,
			/// The delegate.
			to: T::AccountId,
			/// The amount delegated (frozen in `who`'s account).
			amount: T::Balance,
		},
		/// `who` took back the voting power it delegated to `from`.
		#[codec(index = 41)]
		Undelegated {
			/// The delegating account.
			who: T::AccountId,
			/// The former delegate.
			from: T::AccountId,
			/// The amount that was delegated.
			amount: T::Balance,
		},
		/// A forced reduction (a slash) took `who`'s balance below what it delegated: the
		/// delegation shrank to `amount`.
		#[codec(index = 42)]
		DelegationReduced {
			/// The delegating account.
			who: T::AccountId,
			/// The delegate.
			to: T::AccountId,
			/// The amount still delegated.
			amount: T::Balance,
		},
		/// The record of reaped account `who`, kept for its voting power at past snapshots, was
		/// removed: none of those snapshots is readable any more.
		#[codec(index = 43)]
		ReapedPowerCleared {
			/// The account.
			who: T::AccountId,
		},
	}

	/// Errors. Those pallet-balances also has carry its indices, so that clients decoding a
	/// `Balances` module error see the same error.
	#[pallet::error]
	pub enum Error<T> {
		/// Funds are frozen or on hold.
		#[codec(index = 1)]
		LiquidityRestrictions,
		/// The balance is too low.
		#[codec(index = 2)]
		InsufficientBalance,
		/// Value too low to create an account: below the existential deposit.
		#[codec(index = 3)]
		ExistentialDeposit,
		/// The transfer would kill the account.
		#[codec(index = 4)]
		Expendability,
		/// Beneficiary account must pre-exist.
		#[codec(index = 6)]
		DeadAccount,
		/// Number of holds exceeds `MaxHolds`.
		#[codec(index = 8)]
		TooManyHolds,
		/// Number of freezes exceeds `MaxFreezes`.
		#[codec(index = 9)]
		TooManyFreezes,
		/// The issuance cannot be modified since it is already deactivated.
		#[codec(index = 10)]
		IssuanceDeactivated,
		/// The delta cannot be zero.
		#[codec(index = 11)]
		DeltaZero,
		/// Source and destination of a transfer are the same account.
		#[codec(index = 20)]
		SelfTransfer,
		/// An account cannot delegate to itself.
		#[codec(index = 21)]
		SelfDelegation,
		/// The account does not delegate.
		#[codec(index = 22)]
		NotDelegating,
		/// Less than the existential deposit cannot be delegated.
		#[codec(index = 23)]
		DelegationTooSmall,
		/// The account is not a record kept for its voting power at past snapshots, or one of
		/// those snapshots is still readable.
		#[codec(index = 24)]
		NothingToClear,
	}

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Initial balances: `(account, free balance)`.
		pub balances: Vec<(T::AccountId, T::Balance)>,
		/// A snapshot is taken at the end of every block that is a multiple of this (zero: no
		/// snapshots). See [`crate::snapshots`].
		pub snapshot_period: BlockNumberFor<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { balances: Default::default(), snapshot_period: Zero::zero() }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// An invalid genesis must stop the chain from starting: these are asserts.
			let total =
				self.balances.iter().try_fold(T::Balance::zero(), |acc, (_, b)| acc.checked_add(b));
			assert!(total.is_some(), "genesis balances overflow the balance type");
			let total = total.unwrap_or_default();
			let mut seen = alloc::collections::BTreeSet::new();
			for (who, balance) in &self.balances {
				assert!(seen.insert(who.clone()), "duplicate balance in genesis for {who:?}");
				assert!(
					*balance >= T::ExistentialDeposit::get(),
					"genesis balance of {who:?} is below the existential deposit"
				);
				frame_system::Pallet::<T>::inc_providers(who);
				let stored = T::AccountStore::insert(
					who,
					AccountData { free: *balance, ..Default::default() },
				);
				assert!(stored.is_ok(), "genesis account of {who:?} could not be stored");
			}
			Snapshots::<T>::put(SnapshotState {
				first: Zero::zero(),
				period: self.snapshot_period,
				supply: Default::default(),
			});
			TotalIssuance::<T>::put(total);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Reads the snapshot state, which every balance change of the block then reads again
		/// (so that read is whitelisted in the benchmarks and charged here, once per block).
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let _ = Snapshots::<T>::get();
			T::DbWeight::get().reads(1)
		}

		/// Clears the history kept from before the migration to snapshots once no proposal can
		/// read it, within the block's leftover weight.
		fn on_idle(n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::clear_legacy_history(n, remaining)
		}

		fn integrity_test() {
			assert!(T::MaxSnapshots::get() >= 2, "MaxSnapshots must be at least 2");
			assert!(
				!<T as Config>::ExistentialDeposit::get().is_zero(),
				"the existential deposit must not be zero"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Transfers `value` free balance from the caller to `dest`; the caller's account may be
		/// reaped if it falls below the existential deposit.
		///
		/// Origin: signed. Emits `Transfer` (and `Endowed`/`DustLost` as accounts come and go).
		#[pallet::call_index(0)]
		pub fn transfer_allow_death(
			origin: OriginFor<T>,
			dest: AccountIdLookupOf<T>,
			#[pallet::compact] value: T::Balance,
		) -> DispatchResult {
			let source = ensure_signed(origin)?;
			let dest = T::Lookup::lookup(dest)?;
			Self::do_transfer(&source, &dest, value, Expendable)
		}

		/// Like `transfer_allow_death`, from any `source`.
		///
		/// Origin: root. Emits `Transfer`.
		#[pallet::call_index(2)]
		pub fn force_transfer(
			origin: OriginFor<T>,
			source: AccountIdLookupOf<T>,
			dest: AccountIdLookupOf<T>,
			#[pallet::compact] value: T::Balance,
		) -> DispatchResult {
			ensure_root(origin)?;
			let source = T::Lookup::lookup(source)?;
			let dest = T::Lookup::lookup(dest)?;
			Self::do_transfer(&source, &dest, value, Expendable)
		}

		/// Like `transfer_allow_death`, but the caller's account must stay alive.
		///
		/// Origin: signed. Emits `Transfer`.
		#[pallet::call_index(3)]
		pub fn transfer_keep_alive(
			origin: OriginFor<T>,
			dest: AccountIdLookupOf<T>,
			#[pallet::compact] value: T::Balance,
		) -> DispatchResult {
			let source = ensure_signed(origin)?;
			let dest = T::Lookup::lookup(dest)?;
			Self::do_transfer(&source, &dest, value, Preservation::Preserve)
		}

		/// Transfers all the transferable balance of the caller to `dest`, keeping the
		/// existential deposit if `keep_alive`.
		///
		/// Origin: signed. Emits `Transfer`.
		#[pallet::call_index(4)]
		pub fn transfer_all(
			origin: OriginFor<T>,
			dest: AccountIdLookupOf<T>,
			keep_alive: bool,
		) -> DispatchResult {
			let source = ensure_signed(origin)?;
			let dest = T::Lookup::lookup(dest)?;
			let preservation = if keep_alive { Preservation::Preserve } else { Expendable };
			let reducible =
				<Self as fungible::Inspect<_>>::reducible_balance(&source, preservation, Polite);
			Self::do_transfer(&source, &dest, reducible, preservation)
		}

		/// pallet-balances' `force_unreserve`: releases up to `amount` of `who`'s reserved
		/// balance that no hold accounts for. In this pallet every reserved unit is under a hold
		/// (an invariant of `try_state`: holds are released by the pallet that placed them), so
		/// this changes nothing; it is here so that tools calling it keep working.
		///
		/// Origin: root. Emits nothing.
		#[pallet::call_index(5)]
		pub fn force_unreserve(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			amount: T::Balance,
		) -> DispatchResult {
			ensure_root(origin)?;
			let who = T::Lookup::lookup(who)?;
			let _ = amount;
			let held: T::Balance = Holds::<T>::get(&who)
				.iter()
				.fold(Zero::zero(), |sum, h| sum.saturating_add(h.amount));
			if held != Self::account(&who).reserved {
				defensive!("reserved balance not accounted for by holds");
			}
			Ok(())
		}

		/// pallet-balances' `upgrade_accounts`: moves accounts to the holds/freezes reference
		/// counting. Every account of this pallet uses it from creation, so there is nothing to
		/// upgrade and, as in pallet-balances when nothing needed an upgrade, the fee is paid.
		///
		/// Origin: signed. Emits nothing.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::upgrade_accounts(who.len().saturated_into()))]
		pub fn upgrade_accounts(
			origin: OriginFor<T>,
			who: Vec<T::AccountId>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			for account in &who {
				if !Self::account(account).flags.is_new_logic() {
					defensive!("an account without the holds/freezes flag");
				}
			}
			Ok(Pays::Yes.into())
		}

		/// Sets the free balance of `who`, minting or burning the difference.
		///
		/// Origin: root. Emits `BalanceSet` (and `Minted`/`Burned` through issuance changes).
		#[pallet::call_index(8)]
		pub fn force_set_balance(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			#[pallet::compact] new_free: T::Balance,
		) -> DispatchResult {
			ensure_root(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_force_set_balance(&who, new_free)
		}

		/// Adjusts the total issuance by `delta` in `direction` (correction of accounting drift).
		///
		/// Origin: root. Emits `TotalIssuanceForced`.
		#[pallet::call_index(9)]
		pub fn force_adjust_total_issuance(
			origin: OriginFor<T>,
			direction: AdjustmentDirection,
			#[pallet::compact] delta: T::Balance,
		) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(!delta.is_zero(), Error::<T>::DeltaZero);
			let old = TotalIssuance::<T>::get();
			let new = match direction {
				AdjustmentDirection::Increase => old.checked_add(&delta),
				AdjustmentDirection::Decrease => old.checked_sub(&delta),
			}
			.ok_or(ArithmeticError::Overflow)?;
			ensure!(InactiveIssuance::<T>::get() <= new, Error::<T>::IssuanceDeactivated);
			Self::set_issuance(new);
			Self::deposit_event(Event::<T>::TotalIssuanceForced { old, new });
			Ok(())
		}

		/// Burns `value` of the caller's free balance, reducing total issuance; keeps the
		/// account alive if `keep_alive`.
		///
		/// Origin: signed. Emits `Burned`.
		#[pallet::call_index(10)]
		pub fn burn(
			origin: OriginFor<T>,
			#[pallet::compact] value: T::Balance,
			keep_alive: bool,
		) -> DispatchResult {
			let source = ensure_signed(origin)?;
			let preservation = if keep_alive { Preservation::Preserve } else { Expendable };
			<Self as fungible::Mutate<_>>::burn_from(
				&source,
				value,
				preservation,
				frame_support::traits::tokens::Precision::Exact,
				Polite,
			)?;
			Ok(())
		}

		/// Delegates the voting power of `amount` of the caller's own balance to `to`, replacing
		/// the caller's earlier delegation, if any. The amount stays frozen in the caller's
		/// account until `undelegate` (keep some balance free for fees). Anyone may be a
		/// delegate, whoever delegates to the caller.
		///
		/// Origin: signed. Params: `to` (not the caller), `amount` (at least the existential
		/// deposit, at most the caller's total balance). Emits `Delegated` (after `Undelegated`
		/// when replacing).
		#[pallet::call_index(20)]
		pub fn delegate(
			origin: OriginFor<T>,
			to: AccountIdLookupOf<T>,
			#[pallet::compact] amount: T::Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let to = T::Lookup::lookup(to)?;
			Self::do_delegate(&who, &to, amount)
		}

		/// Takes back the voting power the caller delegated and thaws the amount.
		///
		/// Origin: signed. Emits `Undelegated`.
		#[pallet::call_index(21)]
		pub fn undelegate(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_undelegate(&who)
		}

		/// Removes the record of reaped account `who`, kept for its voting power at past
		/// snapshots ([`Pallet::kept_for_snapshots`]), once none of those snapshots is readable.
		/// Free when it removes something.
		///
		/// Origin: signed (anyone). Emits `ReapedPowerCleared`.
		#[pallet::call_index(22)]
		pub fn clear_reaped_power(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_clear_reaped_power(&who)?;
			Self::deposit_event(Event::<T>::ReapedPowerCleared { who });
			Ok(Pays::No.into())
		}
	}

	/// The direction of a `force_adjust_total_issuance`.
	#[derive(
		Encode,
		Decode,
		DecodeWithMemTracking,
		Clone,
		Copy,
		PartialEq,
		Eq,
		Debug,
		MaxEncodedLen,
		TypeInfo,
	)]
	pub enum AdjustmentDirection {
		/// Increase the total issuance.
		Increase,
		/// Decrease the total issuance.
		Decrease,
	}
}

/// An account lookup source of the runtime.
pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// Makes `who` the token's worst case for another pallet's benchmark that charges it (for
	/// example pallet-transaction-payment's `charge_transaction_payment`, through its
	/// `BenchmarkConfig::setup_benchmark_environment`): snapshots are taken every 10 blocks and
	/// `MaxSnapshots` of them are readable, `who` is funded, delegates and is delegated to, has a
	/// full list of snapshot values, and its next change is the first after the latest snapshot.
	pub fn benchmark_worst_case_payer(who: &T::AccountId) {
		benchmarking::worst_case_payer::<T>(who)
	}
}

impl<T: Config> Pallet<T> {
	/// The existential deposit.
	pub fn ed() -> T::Balance {
		T::ExistentialDeposit::get()
	}

	/// The balances of `who`.
	pub fn account(who: &T::AccountId) -> AccountDataOf<T> {
		T::AccountStore::get(who)
	}

	/// The free balance of `who`.
	pub fn free_balance(who: &T::AccountId) -> T::Balance {
		Self::account(who).free
	}

	/// The balance of `who` on hold.
	pub fn reserved_balance(who: &T::AccountId) -> T::Balance {
		Self::account(who).reserved
	}

	/// The total issuance.
	pub fn total_issuance() -> T::Balance {
		TotalIssuance::<T>::get()
	}

	/// When snapshots are taken and how many are readable.
	pub fn schedule() -> Schedule<BlockNumberFor<T>> {
		let state = Snapshots::<T>::get();
		Schedule { first: state.first, period: state.period, max: T::MaxSnapshots::get() }
	}

	/// The longest voting period that a proposal counting the latest snapshot is sure to have.
	pub fn longest_voting_period() -> BlockNumberFor<T> {
		Self::schedule().longest_voting_period()
	}

	/// The snapshots readable in block `now`, oldest first.
	pub fn readable_snapshots_in(now: BlockNumberFor<T>) -> Vec<BlockNumberFor<T>> {
		let schedule = Self::schedule();
		let (Some(oldest), Some(latest)) = (schedule.oldest_readable(now), schedule.latest(now))
		else {
			return Vec::new();
		};
		let mut out = Vec::new();
		let mut s = oldest;
		while s <= latest {
			out.push(s);
			s = s.saturating_add(schedule.period);
		}
		out
	}

	/// The snapshots readable now, oldest first.
	pub fn readable_snapshots() -> Vec<BlockNumberFor<T>> {
		Self::readable_snapshots_in(frame_system::Pallet::<T>::block_number())
	}

	/// Whether `snapshot` is readable now.
	pub fn is_readable(snapshot: BlockNumberFor<T>) -> bool {
		Self::schedule().is_readable(snapshot, frame_system::Pallet::<T>::block_number())
	}

	/// The current voting power of `who`: its total balance, less what it delegates, plus what
	/// is delegated to it.
	pub fn current_voting_power(who: &T::AccountId) -> T::Balance {
		Self::account(who).power()
	}

	/// The voting power of `who` at the end of `snapshot`, read in block `now`; `None` unless
	/// `snapshot` is readable then. Exact, whatever happened afterwards. Runtime APIs read as
	/// of the next block (the state after a block is the end of that block: its snapshot is
	/// taken).
	pub fn voting_power_at_in(
		who: &T::AccountId,
		snapshot: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> Option<T::Balance> {
		let schedule = Self::schedule();
		if snapshot < schedule.first {
			// A proposal opened before the migration to snapshots (see `migrations`).
			return Self::legacy_voting_power_at(who, snapshot, now);
		}
		if !schedule.is_readable(snapshot, now) {
			return None;
		}
		let account = Self::account(who);
		Some(snapshots::value_at(&account.snapshots, snapshot, account.power()))
	}

	/// [`Self::voting_power_at_in`] the current block.
	pub fn voting_power_at(who: &T::AccountId, snapshot: BlockNumberFor<T>) -> Option<T::Balance> {
		Self::voting_power_at_in(who, snapshot, frame_system::Pallet::<T>::block_number())
	}

	/// The total issuance at the end of `snapshot`, read in block `now`; `None` unless
	/// `snapshot` is readable then.
	pub fn total_supply_at_in(
		snapshot: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> Option<T::Balance> {
		if !Self::schedule().is_readable(snapshot, now) {
			return None;
		}
		let state = Snapshots::<T>::get();
		Some(snapshots::value_at(&state.supply, snapshot, TotalIssuance::<T>::get()))
	}

	/// [`Self::total_supply_at_in`] the current block.
	pub fn total_supply_at(snapshot: BlockNumberFor<T>) -> Option<T::Balance> {
		Self::total_supply_at_in(snapshot, frame_system::Pallet::<T>::block_number())
	}

	/// What `who` delegates, and to whom.
	pub fn delegation_of(who: &T::AccountId) -> Option<Delegation<T::AccountId, T::Balance>> {
		DelegationOf::<T>::get(who)
	}

	/// Writes the total issuance, first recording the old value at the latest snapshot if this
	/// is its first change since then.
	pub(crate) fn set_issuance(amount: T::Balance) {
		let old = TotalIssuance::<T>::get();
		TotalIssuance::<T>::put(amount);
		if old == amount {
			return;
		}
		let now = frame_system::Pallet::<T>::block_number();
		let mut state = Snapshots::<T>::get();
		let schedule =
			Schedule { first: state.first, period: state.period, max: T::MaxSnapshots::get() };
		if schedule.record_before_change(&mut state.supply, now, old) {
			Snapshots::<T>::put(state);
		}
	}

	/// `delegate`: see the call.
	pub fn do_delegate(
		who: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		ensure!(who != to, Error::<T>::SelfDelegation);
		ensure!(amount >= Self::ed(), Error::<T>::DelegationTooSmall);
		ensure!(amount <= Self::account(who).total(), Error::<T>::InsufficientBalance);
		frame_support::storage::with_storage_layer(|| {
			if DelegationOf::<T>::contains_key(who) {
				Self::do_undelegate(who)?;
			}
			Self::try_mutate_account_handling_dust(to, false, |account, _| {
				account.received =
					account.received.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
				Ok::<_, DispatchError>(())
			})?;
			let freezes = Freezes::<T>::get(who);
			Self::try_mutate_account_handling_dust(who, false, |account, _| {
				account.delegated = amount;
				account.frozen = Self::frozen_of(freezes.as_bounded_slice(), amount);
				Ok::<_, DispatchError>(())
			})
		})?;
		DelegationOf::<T>::insert(who, Delegation { to: to.clone(), amount });
		Self::deposit_event(Event::<T>::Delegated { who: who.clone(), to: to.clone(), amount });
		Ok(())
	}

	/// `undelegate`: see the call.
	pub fn do_undelegate(who: &T::AccountId) -> DispatchResult {
		let Delegation { to, amount } =
			DelegationOf::<T>::get(who).ok_or(Error::<T>::NotDelegating)?;
		let freezes = Freezes::<T>::get(who);
		frame_support::storage::with_storage_layer(|| {
			DelegationOf::<T>::remove(who);
			Self::try_mutate_account_handling_dust(who, false, |account, _| {
				account.delegated = Zero::zero();
				account.frozen = Self::frozen_of(freezes.as_bounded_slice(), Zero::zero());
				Ok::<_, DispatchError>(())
			})?;
			// Only `received` and a sufficient reference change: this cannot fail.
			Self::try_mutate_account_handling_dust(&to, false, |account, _| {
				if account.received < amount {
					defensive!("a delegate received less than is delegated to it");
				}
				account.received = account.received.saturating_sub(amount);
				Ok::<_, DispatchError>(())
			})
		})?;
		Self::deposit_event(Event::<T>::Undelegated { who: who.clone(), from: to, amount });
		Ok(())
	}

	/// The frozen balance of an account with `freezes` that delegates `delegated`.
	pub(crate) fn frozen_of(
		freezes: BoundedSlice<IdAmount<T::RuntimeFreezeReason, T::Balance>, T::MaxFreezes>,
		delegated: T::Balance,
	) -> T::Balance {
		freezes.iter().map(|f| f.amount).fold(delegated, |max, amount| max.max(amount))
	}

	/// After a forced reduction took the total balance of `who` to `total`, below what it
	/// delegates: the delegation shrinks to `total` (it ends at zero), and the delegate's received
	/// power with it.
	fn reduce_delegation(who: &T::AccountId, total: T::Balance) {
		let Some(mut delegation) = DelegationOf::<T>::get(who) else {
			defensive!("an account delegates an amount but has no delegation");
			return;
		};
		let excess = delegation.amount.saturating_sub(total);
		delegation.amount = total;
		let freezes = Freezes::<T>::get(who);
		let shrunk = frame_support::storage::with_storage_layer(|| {
			Self::try_mutate_account_handling_dust(who, false, |account, _| {
				account.delegated = total;
				account.frozen = Self::frozen_of(freezes.as_bounded_slice(), total);
				Ok::<_, DispatchError>(())
			})?;
			Self::try_mutate_account_handling_dust(&delegation.to, false, |account, _| {
				account.received = account.received.saturating_sub(excess);
				Ok::<_, DispatchError>(())
			})
		});
		if shrunk.is_err() {
			defensive!("shrinking a delegation failed");
			return;
		}
		if total.is_zero() {
			DelegationOf::<T>::remove(who);
		} else {
			DelegationOf::<T>::insert(who, &delegation);
		}
		Self::deposit_event(Event::<T>::DelegationReduced {
			who: who.clone(),
			to: delegation.to,
			amount: total,
		});
	}

	/// A transfer of free balance, refusing self-transfers.
	pub fn do_transfer(
		source: &T::AccountId,
		dest: &T::AccountId,
		value: T::Balance,
		preservation: Preservation,
	) -> DispatchResult {
		ensure!(source != dest, Error::<T>::SelfTransfer);
		<Self as fungible::Mutate<_>>::transfer(source, dest, value, preservation)?;
		Ok(())
	}

	/// `force_set_balance`: see the call.
	pub fn do_force_set_balance(who: &T::AccountId, new_free: T::Balance) -> DispatchResult {
		let wipeout = new_free < Self::ed();
		let new_free = if wipeout { Zero::zero() } else { new_free };
		// First we try to modify the account's balance to the forced balance.
		let old_free = Self::try_mutate_account_handling_dust(who, false, |account, _is_new| {
			let old_free = account.free;
			account.free = new_free;
			Ok::<_, DispatchError>(old_free)
		})?;
		// This will adjust the total issuance, which was not done by the `mutate_account` above.
		if new_free > old_free {
			let delta = new_free.saturating_sub(old_free);
			Self::set_issuance(TotalIssuance::<T>::get().saturating_add(delta));
		} else if new_free < old_free {
			let delta = old_free.saturating_sub(new_free);
			Self::set_issuance(TotalIssuance::<T>::get().saturating_sub(delta));
		}
		Self::deposit_event(Event::<T>::BalanceSet { who: who.clone(), free: new_free });
		Ok(())
	}

	/// Mutates the account of `who`, then hands any dust to `DustRemoval`.
	pub(crate) fn try_mutate_account_handling_dust<R, E: From<DispatchError>>(
		who: &T::AccountId,
		force_consumer_bump: bool,
		f: impl FnOnce(&mut AccountDataOf<T>, bool) -> Result<R, E>,
	) -> Result<R, E> {
		let (r, maybe_dust) = Self::try_mutate_account(who, force_consumer_bump, f)?;
		if let Some(dust) = maybe_dust {
			<Self as fungible::Unbalanced<_>>::handle_raw_dust(dust);
		}
		Ok(r)
	}

	/// Whether the pallet gives `account` a provider reference: it holds at least the existential
	/// deposit (as pallet-balances).
	fn provides(account: &AccountDataOf<T>) -> bool {
		account.free >= Self::ed()
	}

	/// Whether the pallet gives `account` a consumer reference: it has holds or freezes.
	fn consumes(account: &AccountDataOf<T>) -> bool {
		!account.reserved.is_zero() || !account.frozen.is_zero()
	}

	/// `clear_reaped_power`: see the call.
	pub fn do_clear_reaped_power(who: &T::AccountId) -> DispatchResult {
		let account = Self::account(who);
		ensure!(Self::kept_for_snapshots(&account), Error::<T>::NothingToClear);
		let now = frame_system::Pallet::<T>::block_number();
		let schedule = Self::schedule();
		let readable = account.snapshots.iter().any(|v| schedule.is_readable(v.snapshot, now));
		ensure!(!readable, Error::<T>::NothingToClear);
		// Nothing changes but the time: the mutation drops the values no snapshot reads, and
		// the record, left with none, goes.
		Self::try_mutate_account(who, false, |_, _| Ok::<_, DispatchError>(()))?;
		Ok(())
	}

	/// Whether `account` exists only for its voting power at past snapshots: it holds nothing
	/// (no balance, hold, freeze or received power) but keeps values that a snapshot may still
	/// read. Such an account was reaped, except that [`Pallet::try_mutate_account`] kept its
	/// record (with a sufficient reference) so that votes read its power at those snapshots where
	/// they read everyone's, in `System::Account`. Towards balances it is a dead account; anyone
	/// may remove it with [`Pallet::clear_reaped_power`] once none of its values is readable.
	pub fn kept_for_snapshots(account: &AccountDataOf<T>) -> bool {
		account.free.is_zero()
			&& account.reserved.is_zero()
			&& account.frozen.is_zero()
			&& account.received.is_zero()
			&& !account.snapshots.is_empty()
	}

	/// Mutates the account of `who` with `f` (given the data and whether the account is new),
	/// enforcing the existential deposit and the provider/consumer references as
	/// pallet-balances does. If the account's voting power changes, its value at the latest
	/// snapshot is recorded first. An account that falls below the existential deposit (without
	/// holds, freezes or received power) loses its free balance as dust; it is reaped unless it
	/// has non-zero voting power at a readable snapshot, in which case its record stays, holding
	/// only those values ([`Pallet::kept_for_snapshots`]). Returns `f`'s result and the dust,
	/// which the caller must handle. Does not touch total issuance.
	pub(crate) fn try_mutate_account<R, E: From<DispatchError>>(
		who: &T::AccountId,
		force_consumer_bump: bool,
		f: impl FnOnce(&mut AccountDataOf<T>, bool) -> Result<R, E>,
	) -> Result<(R, Option<T::Balance>), E> {
		let ed = Self::ed();
		let result = T::AccountStore::try_mutate_exists(who, |maybe_account| {
			let exists = maybe_account.is_some();
			let mut account = maybe_account.take().unwrap_or_default();
			let was_kept = Self::kept_for_snapshots(&account);
			// A record kept for its snapshot values is a dead account to balances.
			let is_new = !exists || was_kept;
			let old_power = account.power();
			let did_receive = !account.received.is_zero();
			let did_provide = Self::provides(&account);
			let did_consume = !is_new && Self::consumes(&account);

			let result = f(&mut account, is_new)?;

			let does_consume = Self::consumes(&account);
			// Below the existential deposit without holds, freezes or received power: the free
			// balance is dust, and the account goes unless a readable snapshot needs its record.
			let below_minimum = account.free < ed && !does_consume && account.received.is_zero();
			let new_power = if below_minimum { Zero::zero() } else { account.power() };
			let now = frame_system::Pallet::<T>::block_number();
			let schedule = Self::schedule();
			if new_power != old_power {
				schedule.record_before_change(&mut account.snapshots, now, old_power);
			}
			let maybe_dust = if below_minimum {
				let dust = core::mem::take(&mut account.free);
				// Only values a vote could still read, and not trailing zeros: those read as a
				// dead account does (zero now), so nobody can make the pallet keep the records
				// of accounts they pick (a delegation to a new account, moved on, reaps it).
				schedule.drop_unreadable(&mut account.snapshots, now);
				while account.snapshots.last().is_some_and(|v| v.value.is_zero()) {
					account.snapshots.pop();
				}
				(!dust.is_zero()).then_some(dust)
			} else {
				None
			};
			let does_keep = Self::kept_for_snapshots(&account);
			let does_provide = Self::provides(&account);
			let does_receive = !account.received.is_zero();

			// An account others delegate to, or kept for its snapshot values, exists for that
			// alone: a sufficient reference, which (unlike a provider) never has to wait for
			// consumers to go. References are added before any is removed.
			if !did_receive && does_receive {
				frame_system::Pallet::<T>::inc_sufficients(who);
			}
			if !was_kept && does_keep {
				frame_system::Pallet::<T>::inc_sufficients(who);
			}
			if !did_provide && does_provide {
				frame_system::Pallet::<T>::inc_providers(who);
			}
			if did_consume && !does_consume {
				frame_system::Pallet::<T>::dec_consumers(who);
			}
			if !did_consume && does_consume {
				if force_consumer_bump {
					frame_system::Pallet::<T>::inc_consumers_without_limit(who)?;
				} else {
					frame_system::Pallet::<T>::inc_consumers(who)?;
				}
			}
			if does_consume && frame_system::Pallet::<T>::consumers(who) == 0 {
				// Every account with holds or freezes got a consumer reference above.
				log::error!(target: LOG_TARGET, "Defensively bumping a consumer ref.");
				frame_system::Pallet::<T>::inc_consumers(who)?;
			}
			if did_receive && !does_receive {
				frame_system::Pallet::<T>::dec_sufficients(who);
			}
			if was_kept && !does_keep {
				frame_system::Pallet::<T>::dec_sufficients(who);
			}
			if did_provide && !does_provide {
				// This could reap the account so must go last.
				frame_system::Pallet::<T>::dec_providers(who).inspect_err(|_| {
					// Best-effort revert of the consumer change.
					if did_consume && !does_consume {
						let _ = frame_system::Pallet::<T>::inc_consumers(who).defensive();
					}
					if !did_consume && does_consume {
						frame_system::Pallet::<T>::dec_consumers(who);
					}
				})?;
			}

			let maybe_endowed =
				if is_new && !account.free.is_zero() { Some(account.free) } else { None };
			let overdrawn =
				(account.total() < account.delegated && !below_minimum).then(|| account.total());
			let reaped = below_minimum && !does_keep;
			if !reaped {
				*maybe_account = Some(account);
			}
			Ok((maybe_endowed, maybe_dust, overdrawn, result))
		});
		result.map(|(maybe_endowed, maybe_dust, overdrawn, result)| {
			if let Some(endowed) = maybe_endowed {
				Self::deposit_event(Event::<T>::Endowed {
					account: who.clone(),
					free_balance: endowed,
				});
			}
			if let Some(amount) = maybe_dust {
				Self::deposit_event(Event::<T>::DustLost { account: who.clone(), amount });
			}
			if let Some(total) = overdrawn {
				Self::reduce_delegation(who, total);
			}
			(result, maybe_dust)
		})
	}

	/// Recomputes the frozen balance of `who` from its freezes and its delegation, and stores
	/// the freezes.
	pub(crate) fn update_freezes(
		who: &T::AccountId,
		freezes: BoundedSlice<IdAmount<T::RuntimeFreezeReason, T::Balance>, T::MaxFreezes>,
	) -> DispatchResult {
		let mut prev_frozen = Zero::zero();
		let mut after_frozen = Zero::zero();
		let (_, maybe_dust) = Self::try_mutate_account(who, false, |b, _| -> DispatchResult {
			prev_frozen = b.frozen;
			b.frozen = Self::frozen_of(freezes, b.delegated);
			after_frozen = b.frozen;
			Ok(())
		})?;
		if maybe_dust.is_some() {
			// Only the frozen amount changed, which cannot take free below the deposit.
			defensive!("freezing funds must not create dust");
		}
		if freezes.is_empty() {
			Freezes::<T>::remove(who);
		} else {
			Freezes::<T>::insert(who, freezes);
		}
		if prev_frozen > after_frozen {
			let amount = prev_frozen.saturating_sub(after_frozen);
			Self::deposit_event(Event::<T>::Thawed { who: who.clone(), amount });
		} else if after_frozen > prev_frozen {
			let amount = after_frozen.saturating_sub(prev_frozen);
			Self::deposit_event(Event::<T>::Frozen { who: who.clone(), amount });
		}
		Ok(())
	}

	/// The invariants, checked after every test and by try-runtime:
	/// - the total balances of all accounts sum to the total issuance, and the voting powers of
	///   all accounts sum to it too (delegation only moves power);
	/// - holds sum to `reserved`; `frozen` is the largest freeze or the delegated amount;
	/// - every account's delegated amount is that of its `DelegationOf` entry (none without
	///   one), at most its total balance; no delegation is to self; every account's received
	///   power is the sum of the amounts delegated to it;
	/// - every list of snapshot values (accounts' and the supply's) is strictly
	///   increasing in snapshot, made of snapshot blocks, and no longer than `MaxSnapshots`;
	/// - an account holds at least the existential deposit, or has holds, freezes or received
	///   power, or is a record kept for its snapshot values: then its last value is not zero
	///   and it holds a sufficient reference.
	#[cfg(any(test, feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		use sp_runtime::TryRuntimeError as E;

		let state = Snapshots::<T>::get();
		let schedule = Self::schedule();
		let well_formed = |values: &SnapshotValuesOf<T>| {
			values.len() as u32 <= T::MaxSnapshots::get()
				&& values.windows(2).all(|w| w[0].snapshot < w[1].snapshot)
				&& values.iter().all(|v| schedule.is_snapshot(v.snapshot))
		};
		ensure!(well_formed(&state.supply), E::Other("supply snapshot values malformed"));

		let mut sum = T::Balance::zero();
		let mut power = T::Balance::zero();
		let mut received: BTreeMap<T::AccountId, T::Balance> = BTreeMap::new();
		for (who, delegation) in DelegationOf::<T>::iter() {
			ensure!(who != delegation.to, E::Other("self delegation"));
			let r = received.entry(delegation.to.clone()).or_default();
			*r = r.saturating_add(delegation.amount);
			ensure!(
				Self::account(&who).delegated == delegation.amount,
				E::Other("delegated amount != delegation")
			);
		}
		for (who, _) in frame_system::Account::<T>::iter() {
			let a = Self::account(&who);
			sum = sum.checked_add(&a.total()).ok_or(E::Other("total balance overflow"))?;
			power = power.checked_add(&a.power()).ok_or(E::Other("voting power overflow"))?;
			let holds: T::Balance =
				Holds::<T>::get(&who).iter().fold(Zero::zero(), |s, h| s.saturating_add(h.amount));
			ensure!(holds == a.reserved, E::Other("holds do not sum to reserved"));
			let freezes = Freezes::<T>::get(&who);
			ensure!(
				Self::frozen_of(freezes.as_bounded_slice(), a.delegated) == a.frozen,
				E::Other("frozen is not the largest of freezes and delegation")
			);
			ensure!(a.delegated <= a.total(), E::Other("delegates more than it owns"));
			if !a.delegated.is_zero() {
				ensure!(
					DelegationOf::<T>::contains_key(&who),
					E::Other("delegated without delegation")
				);
			}
			ensure!(
				a.received == received.remove(&who).unwrap_or_default(),
				E::Other("received != sum of delegations to the account")
			);
			ensure!(well_formed(&a.snapshots), E::Other("account snapshot values malformed"));
			// Below the existential deposit only with holds, freezes or received power, or as
			// a record kept for its snapshot values (which then holds a sufficient reference).
			ensure!(
				a.free >= Self::ed()
					|| !a.reserved.is_zero()
					|| !a.frozen.is_zero()
					|| !a.received.is_zero()
					|| Self::kept_for_snapshots(&a),
				E::Other("account below the existential deposit")
			);
			if Self::kept_for_snapshots(&a) {
				ensure!(
					a.snapshots.last().is_some_and(|v| !v.value.is_zero()),
					E::Other("record kept for zero voting power")
				);
				ensure!(
					frame_system::Pallet::<T>::sufficients(&who) > 0,
					E::Other("record kept without a sufficient reference")
				);
			}
		}
		ensure!(received.is_empty(), E::Other("power delegated to an account that does not exist"));
		let issuance = TotalIssuance::<T>::get();
		ensure!(sum == issuance, E::Other("sum of balances != total issuance"));
		ensure!(power == issuance, E::Other("sum of voting powers != total issuance"));
		Ok(())
	}
}

impl<T: Config> VotingPower<T::AccountId, BlockNumberFor<T>, T::Balance> for Pallet<T> {
	fn snapshot_for(now: BlockNumberFor<T>) -> Option<BlockNumberFor<T>> {
		Self::schedule().latest(now)
	}
	fn readable_until(snapshot: BlockNumberFor<T>) -> Option<BlockNumberFor<T>> {
		Self::schedule().readable_until(snapshot)
	}
	fn longest_voting_period() -> BlockNumberFor<T> {
		Pallet::<T>::longest_voting_period()
	}
	fn voting_power_at(who: &T::AccountId, snapshot: BlockNumberFor<T>) -> Option<T::Balance> {
		Pallet::<T>::voting_power_at(who, snapshot)
	}
	fn total_supply_at(snapshot: BlockNumberFor<T>) -> Option<T::Balance> {
		Pallet::<T>::total_supply_at(snapshot)
	}
	fn current_voting_power(who: &T::AccountId) -> T::Balance {
		Pallet::<T>::current_voting_power(who)
	}
}
