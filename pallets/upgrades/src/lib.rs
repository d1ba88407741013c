//! # pallet-upgrades
//!
//! Runtime upgrades that governance schedules for a set block, checked before they are
//! installed, and visible in advance to every node.
//!
//! ## Overview
//!
//! [`Pallet::schedule_upgrade`] (origin [`Config::UpgradeOrigin`], in a runtime the "protocol
//! upgrade" governance class) announces new runtime code by its hash (the code is a preimage of
//! at most [`Config::MaxCodeSize`] bytes, requested so that it stays available), the block it
//! activates at and its `spec_version`. At that block, in `on_initialize` (so no other scheduled
//! work can starve it), the pallet loads the code, checks its hash and its `spec_version` (the
//! announced one), lets frame-system check it too (`can_set_code`: same `spec_name`, a higher
//! `spec_version`, no multi-block migration ongoing) and installs it through
//! `frame_system::Config::OnSetCode` (`CodeUpdated`; the next block runs the new runtime). The
//! installation is charged as a full block, as `System::set_code` is: reading the version of
//! unknown code may decompress and instantiate it. A failed check emits
//! [`Event::UpgradeFailed`] with the reason and leaves the running runtime untouched. Once
//! installed, the code's preimage is dropped (and a deposit for it returned).
//!
//! **Node readiness, per code.** Before a pending upgrade's block, each authority's node loads
//! the code (through [`runtime_api::UpgradesApi::pending_code`]), checks that its own executor
//! and host functions can run it, and writes its verdict to its offchain storage
//! ([`verdict_key`]). The pallet's offchain worker then signals it for each authority key the
//! node holds ([`Pallet::signal_readiness`], a bare transaction signed with the authority's block
//! authoring key, at a priority below paid transactions, at most one in the pool per authority
//! and code, and changed no sooner than [`Config::SignalCooldown`] blocks after the last). An
//! upgrade is installed only when enough current authorities said they can run its code
//! ([`readiness_met`]): at least one, at least the share governance set, and more than two
//! thirds (what GRANDPA needs to finalize) unless governance explicitly allowed less. Not ready at
//! `activate_at`, it waits ([`Event::UpgradeAwaitingReadiness`]) until `readiness_deadline` and
//! then fails with [`FailureReason::ReadinessNotReached`]; the chain goes on with its running
//! runtime. No proposal can make every node stop: nothing here makes a node stop authoring.
//!
//! ## Terminology
//!
//! - *Pending upgrade*: an announced upgrade not yet activated, listed in [`PendingUpgrades`]
//!   in activation order, at most one per block and one per code.
//! - *Signal*: an authority's word that its node can (or cannot) run a pending upgrade's code
//!   ([`ReadinessOf`]).
//! - *Readiness*: the share of current authorities whose last signal for the code says they can
//!   run it.
//! - *History*: the latest upgrades installed ([`ActivatedUpgrades`], at most
//!   [`Config::MaxActivated`]), which clients list without an indexer.
//!
//! ## In a runtime
//!
//! Give `UpgradeOrigin` and `CancelOrigin` the governance origin of the protocol-upgrade class,
//! `Preimages` pallet-preimage, `AuthorityId`/`Authorities` the block authors (e.g. Aura's),
//! implement `CreateBare` for the signals, set the genesis `min_activation_delay` to enough
//! blocks for operators to upgrade their nodes, expose [`runtime_api::UpgradesApi`], and run the
//! node side (in this repository `node-template/src/upgrades.rs`) in the node.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(any(test, feature = "std", feature = "runtime-benchmarks"))]
pub mod code;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{
	pallet_prelude::*,
	traits::{Defensive, EnsureOrigin, QueryPreimage, StorePreimage},
	weights::Weight,
};
use frame_system::{
	offchain::{CreateBare, SubmitTransaction},
	pallet_prelude::*,
	CanSetCodeResult, SetCode,
};
use sp_runtime::{
	offchain::storage::StorageValueRef,
	traits::{Hash, Saturating},
	Perbill, RuntimeAppPublic, SaturatedConversion,
};
use sp_version::RuntimeVersion;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::upgrades";

/// Prefix of the node's verdicts in its persistent offchain storage (see [`verdict_key`]).
pub const VERDICT_PREFIX: &[u8] = b"metacert::upgrades::can-run::";

/// Domain separator of readiness signals.
pub const SIGNAL_CONTEXT: &[u8] = b"metacert:upgrades:readiness:v2";

/// A signal is valid for this many blocks after the block it was made at; the offchain worker
/// sends it again if it is not on chain by then.
pub const SIGNAL_LONGEVITY: u32 = 10;

/// Where a node writes whether it can run the code `code_hash` (a SCALE `bool`), for the
/// offchain worker to signal.
pub fn verdict_key(code_hash: &impl Encode) -> Vec<u8> {
	let mut key = VERDICT_PREFIX.to_vec();
	code_hash.encode_to(&mut key);
	key
}

/// A pending upgrade of a runtime.
pub type PendingUpgradeOf<T> = PendingUpgrade<<T as frame_system::Config>::Hash, BlockNumberFor<T>>;

/// An activated upgrade of a runtime using this pallet.
pub type ActivatedUpgradeOf<T> =
	ActivatedUpgrade<<T as frame_system::Config>::Hash, BlockNumberFor<T>>;

/// The signature of an authority's readiness signal.
pub type SignatureOf<T> = <<T as Config>::AuthorityId as RuntimeAppPublic>::Signature;

/// A readiness signal of a runtime using this pallet.
pub type ReadinessSignalOf<T> = ReadinessSignal<
	<T as Config>::AuthorityId,
	<T as frame_system::Config>::Hash,
	BlockNumberFor<T>,
>;

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AuthorityId> {
	/// Makes `authorities` the current authority set.
	fn set_authorities(authorities: Vec<AuthorityId>);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Default configurations of this pallet, for `#[derive_impl]`.
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl,
			traits::{ConstU32, ConstU64},
		};

		/// A configuration for tests: up to 32 authorities, 8 pending upgrades, code up to 4 MiB,
		/// the last 16 activated upgrades kept, a 3-block cooldown and the lowest pool priority
		/// for readiness signals, `()` weights.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxAuthorities = ConstU32<32>;
			type MaxPending = ConstU32<8>;
			type MaxActivated = ConstU32<16>;
			type MaxCodeSize = ConstU32<{ 4 * 1024 * 1024 }>;
			type SignalCooldown = ConstU32<3>;
			type UnsignedPriority = ConstU64<0>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>> + CreateBare<Call<Self>>
	{
		/// Who may schedule an upgrade and change the least activation delay.
		#[pallet::no_default]
		type UpgradeOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Who may cancel a pending upgrade.
		#[pallet::no_default]
		type CancelOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Where the code is stored (and dropped from once installed).
		#[pallet::no_default]
		type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;
		/// The key type authorities sign readiness signals with (the block authoring key).
		#[pallet::no_default]
		type AuthorityId: Member
			+ Parameter
			+ RuntimeAppPublic
			+ Ord
			+ MaybeSerializeDeserialize
			+ MaxEncodedLen;
		/// The current authorities (block authors), whose readiness is counted.
		#[pallet::no_default]
		type Authorities: Get<Vec<Self::AuthorityId>>;
		/// Most authorities (bounds the readiness count).
		#[pallet::constant]
		type MaxAuthorities: Get<u32>;
		/// Most pending upgrades.
		#[pallet::constant]
		type MaxPending: Get<u32>;
		/// How many of the latest activated upgrades [`ActivatedUpgrades`] keeps (at least 1).
		#[pallet::constant]
		type MaxActivated: Get<u32>;
		/// Most bytes of runtime code (as stored: compressed) an upgrade may install.
		#[pallet::constant]
		type MaxCodeSize: Get<u32>;
		/// Least blocks between two signals of an authority for one code (at least 1; more than
		/// 2 so that the pool has forgotten the last signal's tag).
		#[pallet::constant]
		type SignalCooldown: Get<u32>;
		/// Pool priority of readiness signals: below every paid transaction (they pay no fee).
		#[pallet::constant]
		type UnsignedPriority: Get<TransactionPriority>;
		/// Weights of the calls and of the activation.
		type WeightInfo: WeightInfo;
		/// Sets up the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: BenchmarkHelper<Self::AuthorityId>;
	}

	/// The pending upgrades in activation order, at most one per activation block.
	#[pallet::storage]
	pub type PendingUpgrades<T: Config> =
		StorageValue<_, BoundedVec<PendingUpgradeOf<T>, T::MaxPending>, ValueQuery>;

	/// The latest upgrades installed, oldest first: at most [`Config::MaxActivated`], the oldest
	/// dropped when a new one is installed. The chain's upgrade history for clients (events
	/// need an indexer). A value read and written only when an upgrade is installed.
	#[pallet::storage]
	pub type ActivatedUpgrades<T: Config> =
		StorageValue<_, BoundedVec<ActivatedUpgradeOf<T>, T::MaxActivated>, ValueQuery>;

	/// Each authority's last signal for each pending code. Keyed first by code hash with
	/// `Identity` (a hash already, and only pending codes, which governance chose, are keys), so
	/// that an upgrade's signals are one prefix, cleared when it leaves the queue; then by
	/// authority key with `Twox64Concat` (only current authorities write entries).
	#[pallet::storage]
	pub type ReadinessOf<T: Config> = StorageDoubleMap<
		_,
		Identity,
		T::Hash,
		Twox64Concat,
		T::AuthorityId,
		Signal<BlockNumberFor<T>>,
	>;

	/// The least number of blocks between scheduling an upgrade and its activation, so that
	/// operators have time to upgrade their nodes.
	#[pallet::storage]
	pub type MinActivationDelay<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The least number of blocks between scheduling and activation.
		pub min_activation_delay: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			MinActivationDelay::<T>::put(self.min_activation_delay);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An upgrade was scheduled.
		UpgradeScheduled {
			/// The code hash.
			code_hash: T::Hash,
			/// The activation block.
			activate_at: BlockNumberFor<T>,
			/// The announced `spec_version`.
			spec_version: u32,
			/// The share of authorities that must be ready.
			required_readiness: Perbill,
			/// Whether fewer ready authorities than finality needs were explicitly allowed.
			allow_below_finality: bool,
			/// The last block to wait for readiness.
			readiness_deadline: BlockNumberFor<T>,
		},
		/// A pending upgrade was cancelled.
		UpgradeCancelled {
			/// The code hash.
			code_hash: T::Hash,
			/// Its activation block.
			activate_at: BlockNumberFor<T>,
		},
		/// An upgrade was installed; the next block runs it.
		UpgradeActivated {
			/// The code hash.
			code_hash: T::Hash,
			/// Its `spec_version`.
			spec_version: u32,
			/// The share of current authorities ready for it.
			readiness: Perbill,
		},
		/// An upgrade was not installed; the running runtime is untouched.
		UpgradeFailed {
			/// The code hash.
			code_hash: T::Hash,
			/// Why.
			reason: FailureReason,
		},
		/// An upgrade reached its activation block without enough ready authorities; it waits
		/// until its deadline.
		UpgradeAwaitingReadiness {
			/// The code hash.
			code_hash: T::Hash,
			/// The share of authorities ready now.
			readiness: Perbill,
			/// The share needed.
			required_readiness: Perbill,
			/// The last block it waits for.
			readiness_deadline: BlockNumberFor<T>,
		},
		/// An authority signalled whether its node can run a pending upgrade's code.
		ReadinessSignalled {
			/// The authority.
			authority: T::AuthorityId,
			/// The code.
			code_hash: T::Hash,
			/// Whether its node can run it.
			can_run: bool,
		},
		/// The least activation delay was changed.
		MinActivationDelaySet {
			/// The new delay, in blocks.
			delay: BlockNumberFor<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The activation block is sooner than `MinActivationDelay` blocks from now.
		TooSoon,
		/// Another upgrade is pending for that block.
		BlockTaken,
		/// `MaxPending` upgrades are pending already.
		TooManyPending,
		/// The code is not noted as a preimage.
		CodeNotNoted,
		/// No upgrade is pending for that block.
		NotPending,
		/// The readiness deadline is before the activation block.
		DeadlineBeforeActivation,
		/// The signer is not a current authority.
		NotAnAuthority,
		/// The signal says what the authority's last signal for the code says, or was made more
		/// than `SIGNAL_LONGEVITY` blocks ago.
		StaleSignal,
		/// The signal was made for a block after the current one.
		FutureSignal,
		/// The authority's last signal for the code is less than `SignalCooldown` blocks older.
		SignalCooldown,
		/// No pending upgrade has this code.
		CodeNotPending,
		/// An upgrade with this code is pending already.
		AlreadyPending,
		/// The code is longer than `MaxCodeSize`.
		CodeTooLarge,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::do_process(now)
		}

		fn offchain_worker(now: BlockNumberFor<T>) {
			match Self::do_signal_readiness(now) {
				Ok(0) => {},
				Ok(sent) => log::info!(target: LOG_TARGET, "sent {sent} readiness signal(s)"),
				Err(e) => log::debug!(target: LOG_TARGET, "no readiness signal: {e}"),
			}
		}

		fn integrity_test() {
			assert!(T::MaxPending::get() > 0, "MaxPending must be positive");
			assert!(T::MaxAuthorities::get() > 0, "MaxAuthorities must be positive");
			assert!(T::MaxActivated::get() > 0, "MaxActivated must be positive");
			assert!(T::SignalCooldown::get() > 2, "SignalCooldown must exceed 2 blocks");
			assert!(
				T::MaxCodeSize::get() as usize <= <T::Preimages as StorePreimage>::MAX_LENGTH,
				"MaxCodeSize must fit in a preimage"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Schedules the runtime code `code_hash` (a noted preimage of at most `MaxCodeSize`
		/// bytes, not pending already) to be installed at `activate_at`, if it has
		/// `spec_version`. The share `required_readiness` of current authorities, and more than
		/// two thirds unless `allow_below_finality`, must have signalled that their nodes can run
		/// it (never fewer than one); the upgrade waits for that until `readiness_deadline` and
		/// fails after.
		///
		/// - origin: `UpgradeOrigin`.
		///
		/// Emits `UpgradeScheduled`. Weight: `schedule_upgrade(MaxPending)`. (Call indices 0 and
		/// 2 are retired: they had the version-based readiness of storage version 0, and an old
		/// encoding must not decode as a new call.)
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::schedule_upgrade(T::MaxPending::get()))]
		pub fn schedule_upgrade(
			origin: OriginFor<T>,
			code_hash: T::Hash,
			activate_at: BlockNumberFor<T>,
			spec_version: u32,
			required_readiness: Perbill,
			allow_below_finality: bool,
			readiness_deadline: BlockNumberFor<T>,
		) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(
				activate_at >= now.saturating_add(MinActivationDelay::<T>::get())
					&& activate_at > now,
				Error::<T>::TooSoon
			);
			ensure!(readiness_deadline >= activate_at, Error::<T>::DeadlineBeforeActivation);
			let code_len = T::Preimages::len(&code_hash).ok_or(Error::<T>::CodeNotNoted)?;
			ensure!(code_len <= T::MaxCodeSize::get(), Error::<T>::CodeTooLarge);
			let mut pending = PendingUpgrades::<T>::get();
			ensure!(pending.iter().all(|u| u.code_hash != code_hash), Error::<T>::AlreadyPending);
			let at = match pending.binary_search_by_key(&activate_at, |u| u.activate_at) {
				Ok(_) => return Err(Error::<T>::BlockTaken.into()),
				Err(at) => at,
			};
			let upgrade = PendingUpgrade {
				code_hash,
				code_len,
				activate_at,
				spec_version,
				required_readiness,
				allow_below_finality,
				readiness_deadline,
			};
			pending.try_insert(at, upgrade).map_err(|_| Error::<T>::TooManyPending)?;
			PendingUpgrades::<T>::put(pending);
			T::Preimages::request(&code_hash);
			Self::deposit_event(Event::UpgradeScheduled {
				code_hash,
				activate_at,
				spec_version,
				required_readiness,
				allow_below_finality,
				readiness_deadline,
			});
			Ok(())
		}

		/// Cancels the upgrade pending for `activate_at`.
		///
		/// - origin: `CancelOrigin`.
		///
		/// Emits `UpgradeCancelled`. Weight: `cancel_upgrade(MaxPending)` (which clears
		/// `MaxAuthorities` signals).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel_upgrade(T::MaxPending::get()))]
		pub fn cancel_upgrade(
			origin: OriginFor<T>,
			activate_at: BlockNumberFor<T>,
		) -> DispatchResult {
			T::CancelOrigin::ensure_origin(origin)?;
			let mut pending = PendingUpgrades::<T>::get();
			let at = pending
				.binary_search_by_key(&activate_at, |u| u.activate_at)
				.map_err(|_| Error::<T>::NotPending)?;
			let upgrade = pending.remove(at);
			PendingUpgrades::<T>::put(pending);
			Self::release(&upgrade.code_hash);
			Self::deposit_event(Event::UpgradeCancelled {
				code_hash: upgrade.code_hash,
				activate_at,
			});
			Ok(())
		}

		/// Records whether `signal.authority`'s node can run the code of a pending upgrade. Sent
		/// by the authority's node (its offchain worker) as a bare transaction carrying the
		/// authority's `signature` over [`Pallet::signal_payload`]; the pool and block import
		/// check the signature (`validate_unsigned`), and the rules of [`Pallet::check_signal`].
		///
		/// - origin: none (bare).
		///
		/// Emits `ReadinessSignalled`. Weight: `signal_readiness`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::signal_readiness())]
		pub fn signal_readiness(
			origin: OriginFor<T>,
			signal: ReadinessSignalOf<T>,
			signature: SignatureOf<T>,
		) -> DispatchResult {
			ensure_none(origin)?;
			// The signature was checked by `validate_unsigned`, which block import runs too.
			let _ = signature;
			Self::check_signal(&signal, frame_system::Pallet::<T>::block_number())?;
			let ReadinessSignal { authority, code_hash, can_run, at } = signal;
			ReadinessOf::<T>::insert(code_hash, &authority, Signal { can_run, at });
			Self::deposit_event(Event::ReadinessSignalled { authority, code_hash, can_run });
			Ok(())
		}

		/// Sets the least number of blocks between scheduling and activation.
		///
		/// - origin: `UpgradeOrigin`.
		///
		/// Emits `MinActivationDelaySet`. Weight: `set_min_activation_delay`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_min_activation_delay())]
		pub fn set_min_activation_delay(
			origin: OriginFor<T>,
			delay: BlockNumberFor<T>,
		) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			MinActivationDelay::<T>::put(delay);
			Self::deposit_event(Event::MinActivationDelaySet { delay });
			Ok(())
		}
	}

	// Readiness signals are bare (unsigned) extrinsics from authorities' offchain workers; they
	// carry no account and pay no fee, so the pool checks them here.
	#[allow(deprecated)]
	#[pallet::validate_unsigned]
	impl<T: Config> ValidateUnsigned for Pallet<T> {
		type Call = Call<T>;

		fn validate_unsigned(_source: TransactionSource, call: &Self::Call) -> TransactionValidity {
			let Call::signal_readiness { signal, signature } = call else {
				return InvalidTransaction::Call.into();
			};
			let now = frame_system::Pallet::<T>::block_number();
			Self::check_signal(signal, now).map_err(|e| match e {
				Error::<T>::NotAnAuthority => InvalidTransaction::BadSigner,
				Error::<T>::FutureSignal => InvalidTransaction::Future,
				_ => InvalidTransaction::Stale,
			})?;
			if !signal.authority.verify(&Self::signal_payload(signal), signature) {
				return InvalidTransaction::BadProof.into();
			}
			// Valid until the signal is too old.
			let end = signal.at.saturating_add(SIGNAL_LONGEVITY.into());
			let longevity = end.saturating_sub(now).saturated_into::<u64>().max(1);
			ValidTransaction::with_tag_prefix("UpgradesReadiness")
				.priority(T::UnsignedPriority::get())
				.and_provides((&signal.authority, signal.code_hash))
				.longevity(longevity)
				.propagate(true)
				.build()
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The bytes an authority signs for `signal`: context, the signal and the genesis hash (a
	/// signal is valid on this chain only).
	pub fn signal_payload(signal: &ReadinessSignalOf<T>) -> Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		(SIGNAL_CONTEXT, signal, genesis).encode()
	}

	/// The rules of a signal at block `now`: its authority is a current one; its code is
	/// pending; it was made at a block not after `now` and not more than [`SIGNAL_LONGEVITY`]
	/// blocks before; it changes what the authority last said about the code; and it comes at
	/// least [`Config::SignalCooldown`] blocks after that (so an old signal cannot be replayed,
	/// and an authority cannot flip its word every block).
	pub fn check_signal(
		signal: &ReadinessSignalOf<T>,
		now: BlockNumberFor<T>,
	) -> Result<(), Error<T>> {
		ensure!(T::Authorities::get().contains(&signal.authority), Error::<T>::NotAnAuthority);
		ensure!(
			PendingUpgrades::<T>::get().iter().any(|u| u.code_hash == signal.code_hash),
			Error::<T>::CodeNotPending
		);
		ensure!(signal.at <= now, Error::<T>::FutureSignal);
		ensure!(now < signal.at.saturating_add(SIGNAL_LONGEVITY.into()), Error::<T>::StaleSignal);
		if let Some(last) = ReadinessOf::<T>::get(signal.code_hash, &signal.authority) {
			ensure!(last.can_run != signal.can_run, Error::<T>::StaleSignal);
			ensure!(
				signal.at >= last.at.saturating_add(T::SignalCooldown::get().into()),
				Error::<T>::SignalCooldown
			);
		}
		Ok(())
	}

	/// How many of `authorities` (at most `MaxAuthorities` of them) last signalled that they
	/// can run `code_hash`, and of how many.
	fn count_ready(authorities: &[T::AuthorityId], code_hash: T::Hash) -> (u32, u32) {
		let counted = &authorities[..authorities.len().min(T::MaxAuthorities::get() as usize)];
		let ready = counted
			.iter()
			.filter(|a| ReadinessOf::<T>::get(code_hash, a).is_some_and(|s| s.can_run))
			.count();
		(ready as u32, counted.len() as u32)
	}

	/// The share of `authorities` ready to run `upgrade`'s code, and whether it is enough to
	/// install it ([`readiness_met`]).
	pub fn readiness(
		authorities: &[T::AuthorityId],
		upgrade: &PendingUpgradeOf<T>,
	) -> (Perbill, bool) {
		let (ready, total) = Self::count_ready(authorities, upgrade.code_hash);
		let met =
			readiness_met(ready, total, upgrade.required_readiness, upgrade.allow_below_finality);
		(Perbill::from_rational(ready, total.max(1)), met)
	}

	/// Drops the request for `code_hash` and its signals (when its upgrade leaves the queue).
	fn release(code_hash: &T::Hash) {
		T::Preimages::unrequest(code_hash);
		let _ = ReadinessOf::<T>::clear_prefix(code_hash, T::MaxAuthorities::get(), None);
	}

	/// Processes the upgrades due at `now` (the `on_initialize` of this pallet): installs the
	/// first due one that is ready (never two in a block), fails the unready ones whose deadline
	/// is reached, keeps the others waiting. Returns the weight used: a full block when it tried
	/// to install code.
	pub fn do_process(now: BlockNumberFor<T>) -> Weight {
		let pending = PendingUpgrades::<T>::get();
		if pending.first().is_none_or(|u| u.activate_at > now) {
			return T::WeightInfo::on_initialize_idle();
		}
		let authorities = T::Authorities::get();
		let a = authorities.len().min(T::MaxAuthorities::get() as usize) as u32;
		let mut weight = T::WeightInfo::on_initialize_idle();
		let mut installed = false;
		let mut kept = BoundedVec::<PendingUpgradeOf<T>, T::MaxPending>::new();
		for upgrade in pending {
			if upgrade.activate_at > now || installed {
				// `kept` is no longer than `pending`: it fits.
				let _ = kept.try_push(upgrade);
				continue;
			}
			weight.saturating_accrue(T::WeightInfo::check_readiness(a));
			let (readiness, ready) = Self::readiness(&authorities, &upgrade);
			if ready {
				// As `System::set_code`: reading the version of unknown code may decompress and
				// instantiate it.
				weight = <T as frame_system::Config>::BlockWeights::get().max_block;
				Self::do_activate(&upgrade, readiness);
				installed = true;
			} else if now >= upgrade.readiness_deadline {
				weight.saturating_accrue(T::WeightInfo::expire(a));
				Self::release(&upgrade.code_hash);
				log::warn!(
					target: LOG_TARGET,
					"runtime upgrade {:?} refused: only {readiness:?} of the authorities can run it",
					upgrade.code_hash
				);
				Self::deposit_event(Event::UpgradeFailed {
					code_hash: upgrade.code_hash,
					reason: FailureReason::ReadinessNotReached,
				});
			} else {
				if upgrade.activate_at == now {
					Self::deposit_event(Event::UpgradeAwaitingReadiness {
						code_hash: upgrade.code_hash,
						readiness,
						required_readiness: upgrade.required_readiness,
						readiness_deadline: upgrade.readiness_deadline,
					});
				}
				let _ = kept.try_push(upgrade);
			}
		}
		PendingUpgrades::<T>::put(kept);
		weight
	}

	/// Checks and installs `upgrade`, for which `readiness` of the authorities are ready;
	/// reports the outcome. Installed code's preimage is dropped.
	pub(crate) fn do_activate(upgrade: &PendingUpgradeOf<T>, readiness: Perbill) {
		let code_hash = upgrade.code_hash;
		let result = Self::check(upgrade).and_then(|code| {
			<<T as frame_system::Config>::OnSetCode as SetCode<T>>::set_code(code)
				.map_err(|_| FailureReason::NotARuntime)
		});
		Self::release(&code_hash);
		match result {
			Ok(()) => {
				// Nothing else requests it: drop it and return any deposit for it.
				if !T::Preimages::is_requested(&code_hash)
					&& T::Preimages::len(&code_hash).is_some()
				{
					<T::Preimages as StorePreimage>::unnote(&code_hash);
				}
				let record = ActivatedUpgrade {
					code_hash,
					spec_version: upgrade.spec_version,
					activated_at: frame_system::Pallet::<T>::block_number(),
				};
				ActivatedUpgrades::<T>::mutate(|history| {
					// At the end, dropping the oldest when full (`integrity_test`: room for one).
					let _ = history.force_insert_keep_right(history.len(), record).defensive();
				});
				log::info!(target: LOG_TARGET, "runtime upgrade {code_hash:?} installed");
				Self::deposit_event(Event::UpgradeActivated {
					code_hash,
					spec_version: upgrade.spec_version,
					readiness,
				});
			},
			Err(reason) => {
				log::warn!(target: LOG_TARGET, "runtime upgrade {code_hash:?} refused: {reason:?}");
				Self::deposit_event(Event::UpgradeFailed { code_hash, reason });
			},
		}
	}

	/// Loads the code of `upgrade` and checks it (its length, its hash, its announced
	/// `spec_version`, then frame-system's `can_set_code`); returns the code.
	pub fn check(upgrade: &PendingUpgradeOf<T>) -> Result<Vec<u8>, FailureReason> {
		if upgrade.code_len > T::MaxCodeSize::get() {
			return Err(FailureReason::CodeTooLarge);
		}
		let code = T::Preimages::fetch(&upgrade.code_hash, Some(upgrade.code_len))
			.map_err(|_| FailureReason::CodeUnavailable)?;
		if T::Hashing::hash(&code) != upgrade.code_hash {
			return Err(FailureReason::HashMismatch);
		}
		let new = sp_io::misc::runtime_version(&code)
			.and_then(|v| RuntimeVersion::decode(&mut &v[..]).ok())
			.ok_or(FailureReason::NotARuntime)?;
		if new.spec_version != upgrade.spec_version {
			return Err(FailureReason::SpecVersionMismatch);
		}
		match frame_system::Pallet::<T>::can_set_code(&code, true) {
			CanSetCodeResult::Ok => Ok(code.into_owned()),
			CanSetCodeResult::MultiBlockMigrationsOngoing => Err(FailureReason::MigrationsOngoing),
			CanSetCodeResult::InvalidVersion(e) => Err(match e {
				frame_system::Error::<T>::InvalidSpecName => FailureReason::SpecNameChanged,
				frame_system::Error::<T>::SpecVersionNeedsToIncrease => {
					FailureReason::SpecVersionNotHigher
				},
				_ => FailureReason::NotARuntime,
			}),
		}
	}

	/// Offchain: for each pending upgrade whose code the node has judged ([`verdict_key`]),
	/// signals the verdict for each local key of a current authority whose last signal for the
	/// code says otherwise, once its cooldown is over, at most once per [`SIGNAL_LONGEVITY`]
	/// blocks per key and code. Returns how many signals were sent.
	pub fn do_signal_readiness(now: BlockNumberFor<T>) -> Result<usize, &'static str> {
		if !sp_io::offchain::is_validator() {
			return Ok(0);
		}
		let pending = PendingUpgrades::<T>::get();
		if pending.is_empty() {
			return Ok(0);
		}
		let keys = T::AuthorityId::all();
		let longevity = BlockNumberFor::<T>::from(SIGNAL_LONGEVITY);
		let mut sent = 0;
		for upgrade in pending {
			let code_hash = upgrade.code_hash;
			let Some(can_run) = StorageValueRef::persistent(&verdict_key(&code_hash))
				.get::<bool>()
				.map_err(|_| "the node's verdict in offchain storage does not decode")?
			else {
				continue;
			};
			for key in &keys {
				// The chain's own rules: a current authority, a changed word, the cooldown over.
				let signal =
					ReadinessSignal { authority: key.clone(), code_hash, can_run, at: now };
				if Self::check_signal(&signal, now).is_err() {
					continue;
				}
				let lock_key = (VERDICT_PREFIX, b"/sent/", key, code_hash).encode();
				let claimed = StorageValueRef::persistent(&lock_key).mutate(
					|last: Result<Option<(bool, BlockNumberFor<T>)>, _>| match last {
						Ok(Some((c, at))) if c == can_run && now < at.saturating_add(longevity) => {
							Err(())
						},
						_ => Ok((can_run, now)),
					},
				);
				if claimed.is_err() {
					continue;
				}
				let signature =
					key.sign(&Self::signal_payload(&signal)).ok_or("the keystore cannot sign")?;
				let call = Call::signal_readiness { signal, signature };
				SubmitTransaction::<T, Call<T>>::submit_transaction(T::create_bare(call.into()))
					.map_err(|_| "the transaction pool refused the signal")?;
				sent += 1;
			}
		}
		Ok(sent)
	}

	/// The pending upgrades in activation order with their readiness (for runtime APIs).
	pub fn pending() -> Vec<UpgradeStatus<T::Hash, BlockNumberFor<T>>> {
		let authorities = T::Authorities::get();
		PendingUpgrades::<T>::get()
			.into_iter()
			.map(|upgrade| {
				let (readiness, ready) = Self::readiness(&authorities, &upgrade);
				UpgradeStatus { upgrade, readiness, ready }
			})
			.collect()
	}

	/// The code of the pending upgrade with `code_hash`, for nodes to check that they can run it
	/// (for runtime APIs; `None` if no pending upgrade has it or it is not stored).
	pub fn pending_code(code_hash: T::Hash) -> Option<Vec<u8>> {
		let upgrade = PendingUpgrades::<T>::get().into_iter().find(|u| u.code_hash == code_hash)?;
		T::Preimages::fetch(&code_hash, Some(upgrade.code_len)).ok().map(|c| c.into_owned())
	}

	/// The signals of the current authorities for `code_hash` (for runtime APIs).
	pub fn signals(code_hash: T::Hash) -> Vec<(T::AuthorityId, Signal<BlockNumberFor<T>>)> {
		T::Authorities::get()
			.into_iter()
			.filter_map(|a| ReadinessOf::<T>::get(code_hash, &a).map(|s| (a, s)))
			.collect()
	}

	/// Checks the pallet's invariants:
	/// - pending upgrades are sorted by activation block, one per block, one per code;
	/// - each one's readiness deadline is not before its activation block, and its code is
	///   requested in the preimage store and not longer than `MaxCodeSize`;
	/// - every signal is for a pending code;
	/// - the history is in activation order.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let pending = PendingUpgrades::<T>::get();
		for pair in pending.windows(2) {
			ensure!(
				pair[0].activate_at < pair[1].activate_at,
				"pending upgrades not sorted/unique"
			);
		}
		for (i, upgrade) in pending.iter().enumerate() {
			ensure!(
				upgrade.readiness_deadline >= upgrade.activate_at,
				"a readiness deadline is before its activation"
			);
			ensure!(T::Preimages::is_requested(&upgrade.code_hash), "pending code not requested");
			ensure!(upgrade.code_len <= T::MaxCodeSize::get(), "pending code too large");
			ensure!(
				pending[..i].iter().all(|u| u.code_hash != upgrade.code_hash),
				"a code is pending twice"
			);
		}
		for (code_hash, _, _) in ReadinessOf::<T>::iter() {
			ensure!(
				pending.iter().any(|u| u.code_hash == code_hash),
				"a signal for a code that is not pending"
			);
		}
		let history = ActivatedUpgrades::<T>::get();
		for pair in history.windows(2) {
			ensure!(
				pair[0].activated_at < pair[1].activated_at,
				"activated upgrades not in activation order"
			);
		}
		Ok(())
	}
}
