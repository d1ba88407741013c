//! # pallet-upgrades
//!
//! Runtime upgrades that governance schedules for a set block, checked before they are
//! installed, and visible in advance to every node.
//!
//! ## Overview
//!
//! [`Pallet::schedule_upgrade`] (origin [`Config::UpgradeOrigin`], in a runtime the "protocol
//! upgrade" governance class) announces new runtime code by its hash (the code is a preimage,
//! requested so that it stays available), the block it activates at, its `spec_version` and the
//! least node version that can run it. At that block, in `on_initialize` (so no other scheduled
//! work can starve it), the pallet loads the code, checks its hash, its `spec_name` (unchanged) and
//! its `spec_version` (the announced one, above the running one), and installs it through
//! frame-system (`CodeUpdated`; the next block runs the new runtime). A failed check emits
//! [`Event::UpgradeFailed`] with the reason and leaves the running runtime untouched.
//!
//! ## Terminology
//!
//! - *Pending upgrade*: an announced upgrade not yet activated, listed in [`PendingUpgrades`]
//!   in activation order, at most one per block.
//! - *Node version*: the `major.minor.patch` version of the node software.
//!
//! ## In a runtime
//!
//! Give `UpgradeOrigin` and `CancelOrigin` the governance origin of the protocol-upgrade class,
//! `Preimages` pallet-preimage, and `MinActivationDelay` enough blocks for operators to upgrade
//! their nodes.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::*,
	traits::{EnsureOrigin, QueryPreimage},
	weights::Weight,
};
use frame_system::pallet_prelude::*;
use scale_info::TypeInfo;
use sp_runtime::traits::{Hash, Saturating};
use sp_version::RuntimeVersion;

pub use pallet::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::upgrades";

/// A node software version, compared as `(major, minor, patch)`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Default,
)]
pub struct NodeVersion {
	/// Major version.
	pub major: u16,
	/// Minor version.
	pub minor: u16,
	/// Patch version.
	pub patch: u16,
}

/// An announced upgrade.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct PendingUpgrade<Hash, BlockNumber> {
	/// The hash of the new runtime code (a requested preimage).
	pub code_hash: Hash,
	/// The length of the code, in bytes.
	pub code_len: u32,
	/// The block whose `on_initialize` installs it.
	pub activate_at: BlockNumber,
	/// The `spec_version` the code must have.
	pub spec_version: u32,
	/// The least node version that can run the new runtime.
	pub min_node_version: NodeVersion,
}

/// Why an activation did not install the code.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum FailureReason {
	/// The code's preimage is not available.
	CodeUnavailable,
	/// The code does not hash to the announced hash.
	HashMismatch,
	/// No runtime version could be read from the code (not a runtime wasm).
	NotARuntime,
	/// The code is a runtime of another chain (`spec_name` differs).
	SpecNameChanged,
	/// The code's `spec_version` is not the announced one.
	SpecVersionMismatch,
	/// The code's `spec_version` is not above the running runtime's.
	SpecVersionNotHigher,
}

/// A pending upgrade of a runtime.
pub type PendingUpgradeOf<T> = PendingUpgrade<<T as frame_system::Config>::Hash, BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who may schedule an upgrade.
		type UpgradeOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Who may cancel a pending upgrade.
		type CancelOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Where the code is stored.
		type Preimages: QueryPreimage<H = Self::Hashing>;
		/// The least number of blocks between scheduling and activation.
		#[pallet::constant]
		type MinActivationDelay: Get<BlockNumberFor<Self>>;
		/// Most pending upgrades.
		#[pallet::constant]
		type MaxPending: Get<u32>;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// The pending upgrades in activation order, at most one per block.
	#[pallet::storage]
	pub type PendingUpgrades<T: Config> =
		StorageValue<_, BoundedVec<PendingUpgradeOf<T>, T::MaxPending>, ValueQuery>;

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
			/// The least node version.
			min_node_version: NodeVersion,
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
		},
		/// An upgrade was not installed; the running runtime is untouched.
		UpgradeFailed {
			/// The code hash.
			code_hash: T::Hash,
			/// Why.
			reason: FailureReason,
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
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let mut pending = PendingUpgrades::<T>::get();
			let due = pending.first().is_some_and(|u| u.activate_at <= now);
			if !due {
				return T::DbWeight::get().reads(1);
			}
			let upgrade = pending.remove(0);
			PendingUpgrades::<T>::put(pending);
			Self::do_activate(&upgrade);
			// Loading and checking the code: a whole block's worth is set aside for it.
			<T as frame_system::Config>::BlockWeights::get().max_block
		}

		fn integrity_test() {
			assert!(T::MaxPending::get() > 0, "MaxPending must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Schedules the runtime code `code_hash` (a noted preimage) to be installed at
		/// `activate_at`, if it has `spec_version`; nodes older than `min_node_version` cannot run
		/// it.
		///
		/// - origin: `UpgradeOrigin`.
		///
		/// Emits `UpgradeScheduled`. Weight: `schedule_upgrade(MaxPending)`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::schedule_upgrade(T::MaxPending::get()))]
		pub fn schedule_upgrade(
			origin: OriginFor<T>,
			code_hash: T::Hash,
			activate_at: BlockNumberFor<T>,
			spec_version: u32,
			min_node_version: NodeVersion,
		) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(
				activate_at >= now.saturating_add(T::MinActivationDelay::get()),
				Error::<T>::TooSoon
			);
			let code_len = T::Preimages::len(&code_hash).ok_or(Error::<T>::CodeNotNoted)?;
			let mut pending = PendingUpgrades::<T>::get();
			let at = match pending.binary_search_by_key(&activate_at, |u| u.activate_at) {
				Ok(_) => return Err(Error::<T>::BlockTaken.into()),
				Err(at) => at,
			};
			let upgrade =
				PendingUpgrade { code_hash, code_len, activate_at, spec_version, min_node_version };
			pending.try_insert(at, upgrade).map_err(|_| Error::<T>::TooManyPending)?;
			PendingUpgrades::<T>::put(pending);
			T::Preimages::request(&code_hash);
			Self::deposit_event(Event::UpgradeScheduled {
				code_hash,
				activate_at,
				spec_version,
				min_node_version,
			});
			Ok(())
		}

		/// Cancels the upgrade pending for `activate_at`.
		///
		/// - origin: `CancelOrigin`.
		///
		/// Emits `UpgradeCancelled`. Weight: `cancel_upgrade(MaxPending)`.
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
			T::Preimages::unrequest(&upgrade.code_hash);
			Self::deposit_event(Event::UpgradeCancelled {
				code_hash: upgrade.code_hash,
				activate_at,
			});
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Checks and installs `upgrade`; reports the outcome.
	fn do_activate(upgrade: &PendingUpgradeOf<T>) {
		let code_hash = upgrade.code_hash;
		let result = Self::check(upgrade);
		T::Preimages::unrequest(&code_hash);
		match result {
			Ok(code) => {
				frame_system::Pallet::<T>::update_code_in_storage(&code);
				log::info!(target: LOG_TARGET, "runtime upgrade {code_hash:?} installed");
				Self::deposit_event(Event::UpgradeActivated {
					code_hash,
					spec_version: upgrade.spec_version,
				});
			},
			Err(reason) => {
				log::warn!(target: LOG_TARGET, "runtime upgrade {code_hash:?} refused: {reason:?}");
				Self::deposit_event(Event::UpgradeFailed { code_hash, reason });
			},
		}
	}

	/// Loads the code of `upgrade` and checks it; returns the code.
	pub fn check(upgrade: &PendingUpgradeOf<T>) -> Result<alloc::vec::Vec<u8>, FailureReason> {
		let code = T::Preimages::fetch(&upgrade.code_hash, Some(upgrade.code_len))
			.map_err(|_| FailureReason::CodeUnavailable)?;
		if T::Hashing::hash(&code) != upgrade.code_hash {
			return Err(FailureReason::HashMismatch);
		}
		let new = sp_io::misc::runtime_version(&code)
			.and_then(|v| RuntimeVersion::decode(&mut &v[..]).ok())
			.ok_or(FailureReason::NotARuntime)?;
		let current = <T as frame_system::Config>::Version::get();
		if new.spec_name != current.spec_name {
			return Err(FailureReason::SpecNameChanged);
		}
		if new.spec_version != upgrade.spec_version {
			return Err(FailureReason::SpecVersionMismatch);
		}
		if new.spec_version <= current.spec_version {
			return Err(FailureReason::SpecVersionNotHigher);
		}
		Ok(code.into_owned())
	}

	/// The pending upgrades, in activation order (for runtime APIs and nodes).
	pub fn pending() -> alloc::vec::Vec<PendingUpgradeOf<T>> {
		PendingUpgrades::<T>::get().into_inner()
	}

	/// Checks the pallet's invariants:
	/// - pending upgrades are sorted by activation block, one per block, none in the past;
	/// - the code of each is requested in the preimage store.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let pending = PendingUpgrades::<T>::get();
		let now = frame_system::Pallet::<T>::block_number();
		for pair in pending.windows(2) {
			ensure!(
				pair[0].activate_at < pair[1].activate_at,
				"pending upgrades not sorted/unique"
			);
		}
		for upgrade in pending.iter() {
			ensure!(upgrade.activate_at > now, "a pending upgrade's block has passed");
			ensure!(T::Preimages::is_requested(&upgrade.code_hash), "pending code not requested");
		}
		Ok(())
	}
}
