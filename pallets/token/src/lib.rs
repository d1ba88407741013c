//! # pallet-token: the MTC token
//!
//! ## Overview
//!
//! The native currency of the MetaCert governance chain and the source of its voting power. It is
//! a complete [`fungible`](frame_support::traits::fungible) currency (free, held and frozen
//! balances, existential deposit and dust, total issuance, account providers/consumers) that is a
//! drop-in replacement for `pallet-balances`: in a runtime it is named `Balances`, stores
//! [`AccountData`] in `System::Account` with the same shape, and its calls, arguments, events and
//! errors match pallet-balances where they overlap, so wallets and polkadot.js work unchanged.
//!
//! What pallet-balances lacks is **voting-power history**: every change of an account's voting
//! power records a checkpoint `(block, power)`, so [`Pallet::voting_power_at`] and
//! [`Pallet::total_supply_at`] answer "how much at the end of block B" in O(log n). Tokens moved
//! after a snapshot block never change what is read at that block: no double voting by moving
//! tokens, no flash-loan power.
//!
//! ## Terminology
//!
//! - **Total balance**: `free + reserved` of an account. Funds on hold (deposits) and frozen funds
//!   still belong to the account and count in full.
//! - **Voting power**: the account's total balance unless it delegates, plus the total balances of
//!   the accounts that delegate to it.
//! - **Delegation**: [`Pallet::delegate`] moves an account's whole voting power to another account,
//!   one level deep: an account that delegates cannot be delegated to, and an account that is
//!   delegated to cannot delegate, so chains never form.
//! - **Checkpoint**: `(block, value)`, the value from the end of `block` on. At most one per account
//!   per block. The history of an account is bounded (`MaxCheckpoints`): checkpoints older than the
//!   runtime's horizon ([`Config::HistoryHorizon`], "the oldest snapshot still needed") are pruned,
//!   always keeping the last one at or before the horizon. If the list is full even then, the two
//!   oldest checkpoints after the horizon are merged keeping the smaller value (never counting
//!   more power than was held) and [`Event::HistoryCoarsened`] is emitted.
//! - **Supply history**: the total issuance per block, in a ring of `MaxSupplyCheckpoints` storage
//!   slots, for the electorate of a snapshot.
//!
//! ## In a runtime
//!
//! Use it as `Balances` at the index pallet-balances would have, with `AccountStore = System` and
//! `frame_system::Config::AccountData = pallet_token::AccountData<Balance>`. Hand
//! [`Pallet`] to other pallets as their `fungible::*` currency and as their voting-power source
//! through the [`VotingPower`] trait. Supply `HistoryHorizon` from governance ("oldest snapshot
//! of an open proposal") or, without governance, a fixed window behind the current block.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod checkpoints;
mod impl_fungible;
pub mod runtime_api;
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
	ArithmeticError, DispatchError, FixedPointOperand,
};

pub use checkpoints::Checkpoint;
pub use pallet::*;
pub use types::{AccountData, ExtraFlags, IdAmount, RingBounds};
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::token";

/// A credit (an imbalance to be placed somewhere) of this pallet's currency.
pub type CreditOf<T> = Credit<<T as frame_system::Config>::AccountId, Pallet<T>>;

/// The voting-power source that a governance pallet reads: "power of X at B", "supply at B".
pub trait VotingPower<AccountId, BlockNumber, Balance> {
	/// The voting power of `who` at the end of block `at`.
	fn voting_power_at(who: &AccountId, at: BlockNumber) -> Balance;
	/// The total supply at the end of block `at`.
	fn total_supply_at(at: BlockNumber) -> Balance;
	/// The current voting power of `who`.
	fn current_voting_power(who: &AccountId) -> Balance;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// Default configurations of this pallet for tests and examples.
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl,
			traits::{ConstU32, ConstU64},
		};

		/// A configuration for tests: `u64` balances, existential deposit 1, history of 32
		/// checkpoints, horizon at the current block.
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
			type MaxCheckpoints = ConstU32<32>;
			type MaxSupplyCheckpoints = ConstU32<1024>;
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

		/// The least balance an account may hold; less is dust and the account is reaped.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ExistentialDeposit: Get<Self::Balance>;

		/// Where dust goes (`()` burns it).
		#[pallet::no_default_bounds]
		type DustRemoval: OnUnbalanced<CreditOf<Self>>;

		/// Where account data is stored (`frame_system::Pallet` for `System::Account`).
		#[pallet::no_default]
		type AccountStore: StoredMap<Self::AccountId, AccountData<Self::Balance>>;

		/// The oldest block whose voting power must stay exactly readable: checkpoints older than
		/// the last one at or before it may be pruned.
		#[pallet::no_default]
		type HistoryHorizon: Get<BlockNumberFor<Self>>;

		/// Most freezes per account.
		#[pallet::constant]
		type MaxFreezes: Get<u32>;

		/// Most holds per account.
		#[pallet::constant]
		type MaxHolds: Get<u32>;

		/// Most voting-power checkpoints per account.
		#[pallet::constant]
		type MaxCheckpoints: Get<u32>;

		/// Size of the ring of total-supply checkpoints (at most one per block).
		#[pallet::constant]
		type MaxSupplyCheckpoints: Get<u32>;

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

	/// Voting-power history of each account, strictly increasing in block.
	/// `Blake2_128Concat`: keys are user-chosen accounts.
	#[pallet::storage]
	pub type CheckpointsOf<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<Checkpoint<BlockNumberFor<T>, T::Balance>, T::MaxCheckpoints>,
		ValueQuery,
	>;

	/// The account each delegating account delegates its voting power to.
	/// `Blake2_128Concat`: keys are user-chosen accounts.
	#[pallet::storage]
	pub type DelegateOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	/// Sum of the total balances delegated to each delegate, and how many delegate to it.
	/// `Blake2_128Concat`: keys are user-chosen accounts.
	#[pallet::storage]
	pub type DelegatedTo<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (T::Balance, u32), ValueQuery>;

	/// Ring of total-supply checkpoints, by slot. `Twox64Concat`: slots are not user-chosen.
	#[pallet::storage]
	pub type SupplyCheckpointAt<T: Config> =
		StorageMap<_, Twox64Concat, u32, Checkpoint<BlockNumberFor<T>, T::Balance>>;

	/// Where the supply history starts in its ring and how long it is.
	#[pallet::storage]
	pub type SupplyHistory<T: Config> = StorageValue<_, RingBounds, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account was created with some free balance.
		Endowed {
			/// The account.
			account: T::AccountId,
			/// Its free balance.
			free_balance: T::Balance,
		},
		/// An account was removed whose balance was non-zero but below the existential deposit.
		DustLost {
			/// The account.
			account: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Transfer succeeded.
		Transfer {
			/// The sending account (or former delegate).
			from: T::AccountId,
			/// The receiving account (or delegate).
			to: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// A balance was set by root.
		BalanceSet {
			/// The account.
			who: T::AccountId,
			/// The new free balance.
			free: T::Balance,
		},
		/// Some amount was deposited (e.g. for transaction fees).
		Deposit {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was withdrawn from the account (e.g. for transaction fees).
		Withdraw {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was removed from the account (e.g. for misbehavior).
		Slashed {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was minted into an account.
		Minted {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was burned from an account.
		Burned {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was suspended from an account (it can be restored later).
		Suspended {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some amount was restored into an account.
		Restored {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Total issuance was increased by `amount`, creating a credit to be balanced.
		Issued {
			/// The amount.
			amount: T::Balance,
		},
		/// Total issuance was decreased by `amount`, creating a debt to be balanced.
		Rescinded {
			/// The amount.
			amount: T::Balance,
		},
		/// Some balance was frozen.
		Frozen {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Some balance was thawed.
		Thawed {
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// The total issuance was forcefully changed.
		TotalIssuanceForced {
			/// The total issuance before.
			old: T::Balance,
			/// The total issuance after.
			new: T::Balance,
		},
		/// Some funds were put on hold.
		Held {
			/// Why the funds are held.
			reason: T::RuntimeHoldReason,
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Held funds were burned.
		BurnedHeld {
			/// Why the funds are held.
			reason: T::RuntimeHoldReason,
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// Held funds were transferred, still on hold, to another account.
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
		Released {
			/// Why the funds are held.
			reason: T::RuntimeHoldReason,
			/// The account.
			who: T::AccountId,
			/// The amount.
			amount: T::Balance,
		},
		/// `who` delegated its voting power to `to`.
		Delegated {
			/// The account.
			who: T::AccountId,
			/// The receiving account (or delegate).
			to: T::AccountId,
		},
		/// `who` took its voting power back from `from`.
		Undelegated {
			/// The account.
			who: T::AccountId,
			/// The sending account (or former delegate).
			from: T::AccountId,
		},
		/// The voting-power history of `who` was full even after pruning and was coarsened.
		HistoryCoarsened {
			/// The account.
			who: T::AccountId,
		},
		/// `pruned` checkpoints of `who` older than the horizon were removed.
		HistoryPruned {
			/// The account.
			who: T::AccountId,
			/// How many checkpoints were removed.
			pruned: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The balance is too low.
		InsufficientBalance,
		/// Value too low to create an account: below the existential deposit.
		ExistentialDeposit,
		/// The transfer would kill the account.
		Expendability,
		/// Beneficiary account must pre-exist.
		DeadAccount,
		/// Funds are frozen or on hold.
		LiquidityRestrictions,
		/// Number of holds exceeds `MaxHolds`.
		TooManyHolds,
		/// Number of freezes exceeds `MaxFreezes`.
		TooManyFreezes,
		/// The issuance cannot be modified since it is already deactivated.
		IssuanceDeactivated,
		/// The delta cannot be zero.
		DeltaZero,
		/// Source and destination of a transfer are the same account.
		SelfTransfer,
		/// An account cannot delegate to itself.
		SelfDelegation,
		/// The account already delegates; undelegate first.
		AlreadyDelegating,
		/// The account does not delegate.
		NotDelegating,
		/// The target delegates its own power: chains of delegation are not allowed.
		TargetIsDelegating,
		/// Others delegate to this account: it cannot delegate (no chains of delegation).
		HasDelegators,
		/// Nothing of this account's history can be pruned.
		NothingToPrune,
	}

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Initial balances: `(account, free balance)`.
		pub balances: Vec<(T::AccountId, T::Balance)>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { balances: Default::default() }
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
				Pallet::<T>::record_power(who);
			}
			Pallet::<T>::set_issuance(total);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxCheckpoints::get() >= 2, "MaxCheckpoints must be at least 2");
			assert!(T::MaxSupplyCheckpoints::get() >= 2, "MaxSupplyCheckpoints must be at least 2");
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

		/// Delegates the caller's whole voting power to `to` (one level: `to` must not delegate,
		/// and the caller must have no delegators).
		///
		/// Origin: signed. Emits `Delegated`. Checkpoints of both sides are updated.
		#[pallet::call_index(20)]
		pub fn delegate(origin: OriginFor<T>, to: AccountIdLookupOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let to = T::Lookup::lookup(to)?;
			Self::do_delegate(&who, &to)
		}

		/// Takes the caller's voting power back from its delegate.
		///
		/// Origin: signed. Emits `Undelegated`. Checkpoints of both sides are updated.
		#[pallet::call_index(21)]
		pub fn undelegate(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_undelegate(&who)
		}

		/// Removes the checkpoints of `who` that no snapshot at or after the horizon needs, and
		/// the whole history if it reads zero from the horizon on (reaped accounts). Free when
		/// something was removed.
		///
		/// Origin: signed (anyone). Emits `HistoryPruned`.
		#[pallet::call_index(22)]
		pub fn prune_history(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let pruned = Self::do_prune_history(&who);
			ensure!(pruned > 0, Error::<T>::NothingToPrune);
			Self::deposit_event(Event::<T>::HistoryPruned { who, pruned });
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

impl<T: Config> Pallet<T> {
	/// The existential deposit.
	pub fn ed() -> T::Balance {
		T::ExistentialDeposit::get()
	}

	/// The balances of `who`.
	pub fn account(who: &T::AccountId) -> AccountData<T::Balance> {
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

	/// The current voting power of `who`: its total balance unless it delegates, plus what is
	/// delegated to it.
	pub fn current_voting_power(who: &T::AccountId) -> T::Balance {
		let own = if DelegateOf::<T>::contains_key(who) {
			Zero::zero()
		} else {
			Self::account(who).total()
		};
		own.saturating_add(DelegatedTo::<T>::get(who).0)
	}

	/// The voting power of `who` at the end of block `at` (O(log n)). Exact for any block not
	/// older than the horizon, unless [`Event::HistoryCoarsened`] was emitted for `who`.
	pub fn voting_power_at(who: &T::AccountId, at: BlockNumberFor<T>) -> T::Balance {
		checkpoints::value_at(&CheckpointsOf::<T>::get(who), at)
	}

	/// The total issuance at the end of block `at` (O(log n) storage reads).
	pub fn total_supply_at(at: BlockNumberFor<T>) -> T::Balance {
		let bounds = SupplyHistory::<T>::get();
		// Find the number of checkpoints with block <= at by binary search over ring indices.
		let (mut lo, mut hi) = (0u32, bounds.len);
		while lo < hi {
			let mid = lo + (hi - lo) / 2;
			match Self::supply_checkpoint(bounds, mid) {
				Some(c) if c.block <= at => lo = mid + 1,
				_ => hi = mid,
			}
		}
		match lo.checked_sub(1) {
			Some(i) => Self::supply_checkpoint(bounds, i).map(|c| c.value).unwrap_or_default(),
			None => Zero::zero(),
		}
	}

	/// The account `who` delegates to, if any.
	pub fn delegate_of(who: &T::AccountId) -> Option<T::AccountId> {
		DelegateOf::<T>::get(who)
	}

	fn supply_slot(bounds: RingBounds, i: u32) -> u32 {
		let size = T::MaxSupplyCheckpoints::get().max(1);
		((bounds.first as u64 + i as u64) % size as u64) as u32
	}

	fn supply_checkpoint(
		bounds: RingBounds,
		i: u32,
	) -> Option<Checkpoint<BlockNumberFor<T>, T::Balance>> {
		SupplyCheckpointAt::<T>::get(Self::supply_slot(bounds, i))
	}

	/// Writes the total issuance and records it in the supply history.
	pub(crate) fn set_issuance(amount: T::Balance) {
		TotalIssuance::<T>::put(amount);
		Self::record_supply(amount);
	}

	/// Records `supply` at the current block in the ring, pruning at most two checkpoints made
	/// useless by the horizon, and overwriting the oldest when the ring is full.
	fn record_supply(supply: T::Balance) {
		let now = frame_system::Pallet::<T>::block_number();
		let horizon = T::HistoryHorizon::get();
		let size = T::MaxSupplyCheckpoints::get().max(1);
		let mut bounds = SupplyHistory::<T>::get();
		if let Some(last_i) = bounds.len.checked_sub(1) {
			if let Some(mut last) = Self::supply_checkpoint(bounds, last_i) {
				if last.block >= now {
					last.value = supply;
					SupplyCheckpointAt::<T>::insert(Self::supply_slot(bounds, last_i), last);
					return;
				}
				if last.value == supply {
					return;
				}
			}
		}
		// Prune: while the second checkpoint is at or before the horizon, the first is useless.
		for _ in 0..2 {
			if bounds.len < 2 {
				break;
			}
			match Self::supply_checkpoint(bounds, 1) {
				Some(second) if second.block <= horizon => {
					SupplyCheckpointAt::<T>::remove(Self::supply_slot(bounds, 0));
					bounds.first = (bounds.first + 1) % size;
					bounds.len -= 1;
				},
				_ => break,
			}
		}
		if bounds.len >= size {
			// Full: the oldest slot is reused; reads before the new oldest lose precision.
			log::warn!(target: LOG_TARGET, "supply history ring full: dropping its oldest checkpoint");
			bounds.first = (bounds.first + 1) % size;
			bounds.len -= 1;
		}
		let slot = Self::supply_slot(bounds, bounds.len);
		SupplyCheckpointAt::<T>::insert(slot, Checkpoint { block: now, value: supply });
		bounds.len += 1;
		SupplyHistory::<T>::put(bounds);
	}

	/// Records the current voting power of `who` as a checkpoint at the current block.
	pub(crate) fn record_power(who: &T::AccountId) {
		let power = Self::current_voting_power(who);
		let now = frame_system::Pallet::<T>::block_number();
		let horizon = T::HistoryHorizon::get();
		let coarsened = CheckpointsOf::<T>::mutate_exists(who, |maybe| {
			let mut history = maybe.take().unwrap_or_default();
			let outcome = checkpoints::record(&mut history, now, power, horizon);
			if !history.is_empty() {
				*maybe = Some(history);
			}
			outcome == checkpoints::Recorded::Coarsened
		});
		if coarsened {
			Self::deposit_event(Event::<T>::HistoryCoarsened { who: who.clone() });
		}
	}

	/// Updates voting power after the total balance of `who` went from `old` to `new`.
	pub(crate) fn on_total_changed(who: &T::AccountId, old: T::Balance, new: T::Balance) {
		if old == new {
			return;
		}
		match DelegateOf::<T>::get(who) {
			Some(delegate) => {
				DelegatedTo::<T>::mutate(&delegate, |(sum, _)| {
					*sum = sum.saturating_add(new).saturating_sub(old);
				});
				Self::record_power(&delegate);
			},
			None => Self::record_power(who),
		}
	}

	/// Prunes the history of `who` to the horizon; removes it if it reads zero from there on.
	pub(crate) fn do_prune_history(who: &T::AccountId) -> u32 {
		let horizon = T::HistoryHorizon::get();
		CheckpointsOf::<T>::mutate_exists(who, |maybe| {
			let Some(history) = maybe.as_mut() else { return 0 };
			let mut pruned = checkpoints::prune(history, horizon);
			// Only the horizon keeper is left and it reads zero: nothing to remember.
			if history.len() == 1 && history[0].block <= horizon && history[0].value.is_zero() {
				*maybe = None;
				pruned += 1;
			}
			pruned
		})
	}

	/// `delegate`: see the call.
	pub fn do_delegate(who: &T::AccountId, to: &T::AccountId) -> DispatchResult {
		ensure!(who != to, Error::<T>::SelfDelegation);
		ensure!(!DelegateOf::<T>::contains_key(who), Error::<T>::AlreadyDelegating);
		ensure!(!DelegateOf::<T>::contains_key(to), Error::<T>::TargetIsDelegating);
		ensure!(DelegatedTo::<T>::get(who).1 == 0, Error::<T>::HasDelegators);
		let own = Self::account(who).total();
		DelegateOf::<T>::insert(who, to);
		DelegatedTo::<T>::mutate(to, |(sum, count)| {
			*sum = sum.saturating_add(own);
			*count = count.saturating_add(1);
		});
		Self::record_power(who);
		Self::record_power(to);
		Self::deposit_event(Event::<T>::Delegated { who: who.clone(), to: to.clone() });
		Ok(())
	}

	/// `undelegate`: see the call.
	pub fn do_undelegate(who: &T::AccountId) -> DispatchResult {
		let from = DelegateOf::<T>::take(who).ok_or(Error::<T>::NotDelegating)?;
		let own = Self::account(who).total();
		DelegatedTo::<T>::mutate_exists(&from, |maybe| {
			let (sum, count) = maybe.unwrap_or_default();
			let (sum, count) = (sum.saturating_sub(own), count.saturating_sub(1));
			*maybe = if count == 0 { None } else { Some((sum, count)) };
		});
		Self::record_power(who);
		Self::record_power(&from);
		Self::deposit_event(Event::<T>::Undelegated { who: who.clone(), from });
		Ok(())
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
		f: impl FnOnce(&mut AccountData<T::Balance>, bool) -> Result<R, E>,
	) -> Result<R, E> {
		let (r, maybe_dust) = Self::try_mutate_account(who, force_consumer_bump, f)?;
		if let Some(dust) = maybe_dust {
			<Self as fungible::Unbalanced<_>>::handle_raw_dust(dust);
		}
		Ok(r)
	}

	/// Mutates the account of `who` with `f` (given the data and whether the account is new),
	/// enforcing the existential deposit and the provider/consumer references as
	/// pallet-balances does, and records the voting-power change. Returns `f`'s result and the
	/// dust of a reaped account, which the caller must handle. Does not touch total issuance.
	pub(crate) fn try_mutate_account<R, E: From<DispatchError>>(
		who: &T::AccountId,
		force_consumer_bump: bool,
		f: impl FnOnce(&mut AccountData<T::Balance>, bool) -> Result<R, E>,
	) -> Result<(R, Option<T::Balance>), E> {
		let ed = Self::ed();
		let result = T::AccountStore::try_mutate_exists(who, |maybe_account| {
			let is_new = maybe_account.is_none();
			let mut account = maybe_account.take().unwrap_or_default();
			let old_total = account.total();
			let did_provide = account.free >= ed;
			let did_consume = !is_new && (!account.reserved.is_zero() || !account.frozen.is_zero());

			let result = f(&mut account, is_new)?;

			let does_provide = account.free >= ed;
			let does_consume = !account.reserved.is_zero() || !account.frozen.is_zero();

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

			let maybe_endowed = if is_new { Some(account.free) } else { None };
			// Below the existential deposit without holds or freezes: the account goes.
			let (maybe_dust, new_total) = if account.free < ed && !does_consume {
				(if account.free.is_zero() { None } else { Some(account.free) }, Zero::zero())
			} else {
				let total = account.total();
				*maybe_account = Some(account);
				(None, total)
			};
			Ok((maybe_endowed, maybe_dust, old_total, new_total, result))
		});
		result.map(|(maybe_endowed, maybe_dust, old_total, new_total, result)| {
			if let Some(endowed) = maybe_endowed {
				Self::deposit_event(Event::<T>::Endowed {
					account: who.clone(),
					free_balance: endowed,
				});
			}
			if let Some(amount) = maybe_dust {
				Self::deposit_event(Event::<T>::DustLost { account: who.clone(), amount });
			}
			Self::on_total_changed(who, old_total, new_total);
			(result, maybe_dust)
		})
	}

	/// Recomputes the frozen balance of `who` from its freezes and stores them.
	pub(crate) fn update_freezes(
		who: &T::AccountId,
		freezes: BoundedSlice<IdAmount<T::RuntimeFreezeReason, T::Balance>, T::MaxFreezes>,
	) -> DispatchResult {
		let mut prev_frozen = Zero::zero();
		let mut after_frozen = Zero::zero();
		let (_, maybe_dust) = Self::try_mutate_account(who, false, |b, _| -> DispatchResult {
			prev_frozen = b.frozen;
			b.frozen = freezes.iter().map(|l| l.amount).max().unwrap_or_else(Zero::zero);
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
	/// - the total balances of all accounts sum to the total issuance;
	/// - every account's checkpoints are strictly increasing in block, and the latest equals
	///   its current voting power;
	/// - `DelegatedTo` of every delegate is the sum of the totals and the count of the accounts
	///   delegating to it, no delegate delegates, and no delegation is to self;
	/// - holds sum to `reserved` and the largest freeze equals `frozen`;
	/// - the supply ring is within its bounds, increasing in block, and its latest value is the
	///   total issuance.
	#[cfg(any(test, feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		use sp_runtime::TryRuntimeError as E;

		let mut sum = T::Balance::zero();
		for (who, _) in frame_system::Account::<T>::iter() {
			let a = Self::account(&who);
			sum = sum.checked_add(&a.total()).ok_or(E::Other("total balance overflow"))?;
			let holds: T::Balance =
				Holds::<T>::get(&who).iter().fold(Zero::zero(), |s, h| s.saturating_add(h.amount));
			ensure!(holds == a.reserved, E::Other("holds do not sum to reserved"));
			let frozen =
				Freezes::<T>::get(&who).iter().map(|f| f.amount).max().unwrap_or_else(Zero::zero);
			ensure!(frozen == a.frozen, E::Other("freezes do not match frozen"));
		}
		ensure!(sum == TotalIssuance::<T>::get(), E::Other("sum of balances != total issuance"));

		for (_, history) in CheckpointsOf::<T>::iter() {
			ensure!(
				history.windows(2).all(|w| w[0].block < w[1].block),
				E::Other("checkpoints not strictly increasing")
			);
		}
		// Every account that exists, delegates or is delegated to: its history reads its current
		// power (an empty history reads zero).
		let holders = frame_system::Account::<T>::iter_keys()
			.chain(DelegateOf::<T>::iter_keys())
			.chain(DelegatedTo::<T>::iter_keys());
		for who in holders {
			ensure!(
				checkpoints::latest(&CheckpointsOf::<T>::get(&who))
					== Self::current_voting_power(&who),
				E::Other("latest checkpoint != current voting power")
			);
		}

		let mut expected: BTreeMap<T::AccountId, (T::Balance, u32)> = BTreeMap::new();
		for (who, to) in DelegateOf::<T>::iter() {
			ensure!(who != to, E::Other("self delegation"));
			ensure!(!DelegateOf::<T>::contains_key(&to), E::Other("delegation chain"));
			let e = expected.entry(to).or_default();
			e.0 = e.0.saturating_add(Self::account(&who).total());
			e.1 += 1;
		}
		let stored: BTreeMap<_, _> = DelegatedTo::<T>::iter().collect();
		ensure!(stored == expected, E::Other("DelegatedTo inconsistent with DelegateOf"));

		let bounds = SupplyHistory::<T>::get();
		ensure!(bounds.len <= T::MaxSupplyCheckpoints::get(), E::Other("supply ring overflow"));
		let mut prev: Option<BlockNumberFor<T>> = None;
		for i in 0..bounds.len {
			let c = Self::supply_checkpoint(bounds, i).ok_or(E::Other("supply slot missing"))?;
			ensure!(prev.is_none_or(|p| p < c.block), E::Other("supply not increasing"));
			prev = Some(c.block);
			if i + 1 == bounds.len {
				ensure!(
					c.value == TotalIssuance::<T>::get(),
					E::Other("supply latest != issuance")
				);
			}
		}
		Ok(())
	}
}

impl<T: Config> VotingPower<T::AccountId, BlockNumberFor<T>, T::Balance> for Pallet<T> {
	fn voting_power_at(who: &T::AccountId, at: BlockNumberFor<T>) -> T::Balance {
		Pallet::<T>::voting_power_at(who, at)
	}
	fn total_supply_at(at: BlockNumberFor<T>) -> T::Balance {
		Pallet::<T>::total_supply_at(at)
	}
	fn current_voting_power(who: &T::AccountId) -> T::Balance {
		Pallet::<T>::current_voting_power(who)
	}
}
