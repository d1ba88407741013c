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
//! **Node readiness** (BIP9-style): each authority's node signals the node version it runs
//! ([`Pallet::signal_readiness`], an unsigned transaction signed with the authority's block
//! authoring key, sent by the pallet's offchain worker from the version the node wrote to its
//! offchain storage under [`NODE_VERSION_KEY`]; one signal per authority per version). An
//! upgrade may require a share of the current authorities (`required_readiness`) to have
//! signalled its `min_node_version` or newer; not ready at `activate_at`, it waits
//! ([`Event::UpgradeAwaitingReadiness`]) until `readiness_deadline` and then fails with
//! [`FailureReason::ReadinessNotReached`]. Once installed, [`RequiredNodeVersion`] holds its
//! `min_node_version`; nodes read it and the pending upgrades through
//! [`runtime_api::UpgradesApi`] each new best block, warn when they are too old for a pending
//! upgrade and stop authoring when they are too old for the running runtime.
//!
//! ## Terminology
//!
//! - *Pending upgrade*: an announced upgrade not yet activated, listed in [`PendingUpgrades`]
//!   in activation order, at most one per block.
//! - *Node version*: the `major.minor.patch` version of the node software.
//! - *Readiness*: the share of current authorities whose last signalled node version is at
//!   least an upgrade's `min_node_version`.
//! - *History*: the latest upgrades installed ([`ActivatedUpgrades`], at most
//!   [`Config::MaxActivated`]), which clients list without an indexer.
//!
//! ## In a runtime
//!
//! Give `UpgradeOrigin` and `CancelOrigin` the governance origin of the protocol-upgrade class,
//! `Preimages` pallet-preimage, `AuthorityId`/`Authorities` the block authors (e.g. Aura's),
//! implement `CreateBare` for the signals, set the genesis `min_activation_delay` to enough
//! blocks for operators to upgrade their nodes, and expose [`runtime_api::UpgradesApi`].

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(any(test, feature = "runtime-benchmarks"))]
pub mod code;
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
	traits::{Defensive, EnsureOrigin, QueryPreimage},
	weights::Weight,
};
use frame_system::{
	offchain::{CreateBare, SubmitTransaction},
	pallet_prelude::*,
};
use sp_runtime::{
	offchain::storage::StorageValueRef,
	traits::{Hash, Saturating},
	Perbill, RuntimeAppPublic,
};
use sp_version::RuntimeVersion;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::upgrades";

/// Key of the node's version in the node's persistent offchain storage: the node writes its
/// [`NodeVersion`] (SCALE) there at start, and the offchain worker signals it.
pub const NODE_VERSION_KEY: &[u8] = b"metacert::upgrades::node-version";

/// Domain separator of readiness signals.
pub const SIGNAL_CONTEXT: &[u8] = b"metacert:upgrades:readiness";

/// The offchain worker sends a signal again if it is not on chain after this many blocks.
pub const SIGNAL_RETRY_BLOCKS: u32 = 10;

/// A pending upgrade of a runtime.
pub type PendingUpgradeOf<T> = PendingUpgrade<<T as frame_system::Config>::Hash, BlockNumberFor<T>>;

/// An activated upgrade of a runtime using this pallet.
pub type ActivatedUpgradeOf<T> =
	ActivatedUpgrade<<T as frame_system::Config>::Hash, BlockNumberFor<T>>;

/// The signature of an authority's readiness signal.
pub type SignatureOf<T> = <<T as Config>::AuthorityId as RuntimeAppPublic>::Signature;

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
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

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

		/// A configuration for tests: up to 32 authorities, 8 pending upgrades, the last 16
		/// activated upgrades kept, middle pool priority for readiness signals, `()` weights.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxAuthorities = ConstU32<32>;
			type MaxPending = ConstU32<8>;
			type MaxActivated = ConstU32<16>;
			type UnsignedPriority = ConstU64<{ TransactionPriority::MAX / 2 }>;
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
		/// Where the code is stored.
		#[pallet::no_default]
		type Preimages: QueryPreimage<H = Self::Hashing>;
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
		/// Pool priority of readiness signals.
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

	/// The node version each authority last signalled. Keyed by authority key with
	/// `Twox64Concat`: only current authorities can write an entry, so keys are not chosen by
	/// an attacker, and the key stays readable.
	#[pallet::storage]
	pub type SignalOf<T: Config> = StorageMap<_, Twox64Concat, T::AuthorityId, NodeVersion>;

	/// The least node version the running runtime needs: the highest `min_node_version` of the
	/// upgrades activated so far. Nodes below it stop authoring.
	#[pallet::storage]
	pub type RequiredNodeVersion<T: Config> = StorageValue<_, NodeVersion, ValueQuery>;

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
			/// The least node version.
			min_node_version: NodeVersion,
			/// The share of authorities that must be ready.
			required_readiness: Perbill,
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
			/// The least node version that can run it (nodes below stop authoring).
			min_node_version: NodeVersion,
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
		/// An authority signalled the node version it runs.
		ReadinessSignalled {
			/// The authority.
			authority: T::AuthorityId,
			/// Its node version.
			version: NodeVersion,
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
		/// The authority signalled this version or a newer one already.
		StaleSignal,
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
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Schedules the runtime code `code_hash` (a noted preimage) to be installed at
		/// `activate_at`, if it has `spec_version`. Nodes older than `min_node_version` cannot
		/// run it. If `required_readiness` is not zero, that share of the authorities must have
		/// signalled `min_node_version` or newer; the upgrade waits for it until
		/// `readiness_deadline` and fails after.
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
			required_readiness: Perbill,
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
			let mut pending = PendingUpgrades::<T>::get();
			let at = match pending.binary_search_by_key(&activate_at, |u| u.activate_at) {
				Ok(_) => return Err(Error::<T>::BlockTaken.into()),
				Err(at) => at,
			};
			let upgrade = PendingUpgrade {
				code_hash,
				code_len,
				activate_at,
				spec_version,
				min_node_version,
				required_readiness,
				readiness_deadline,
			};
			pending.try_insert(at, upgrade).map_err(|_| Error::<T>::TooManyPending)?;
			PendingUpgrades::<T>::put(pending);
			T::Preimages::request(&code_hash);
			Self::deposit_event(Event::UpgradeScheduled {
				code_hash,
				activate_at,
				spec_version,
				min_node_version,
				required_readiness,
				readiness_deadline,
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

		/// Records that `authority` runs node `version`. Sent by the authority's node (its
		/// offchain worker) as an unsigned transaction carrying the authority's `signature`
		/// over [`Pallet::signal_payload`]; the pool and block import check the signature.
		///
		/// - origin: none (unsigned).
		///
		/// Emits `ReadinessSignalled`. Weight: `signal_readiness`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::signal_readiness())]
		pub fn signal_readiness(
			origin: OriginFor<T>,
			authority: T::AuthorityId,
			version: NodeVersion,
			signature: SignatureOf<T>,
		) -> DispatchResult {
			ensure_none(origin)?;
			// The signature was checked by `validate_unsigned`, which block import runs too.
			let _ = signature;
			Self::check_signal(&authority, version)?;
			SignalOf::<T>::insert(&authority, version);
			Self::deposit_event(Event::ReadinessSignalled { authority, version });
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
			let Call::signal_readiness { authority, version, signature } = call else {
				return InvalidTransaction::Call.into();
			};
			Self::check_signal(authority, *version).map_err(|e| match e {
				Error::<T>::StaleSignal => InvalidTransaction::Stale,
				_ => InvalidTransaction::BadSigner,
			})?;
			if !authority.verify(&Self::signal_payload(authority, *version), signature) {
				return InvalidTransaction::BadProof.into();
			}
			ValidTransaction::with_tag_prefix("UpgradesReadiness")
				.priority(T::UnsignedPriority::get())
				.and_provides((authority, *version))
				.longevity(u64::from(SIGNAL_RETRY_BLOCKS))
				.propagate(true)
				.build()
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The bytes an authority signs to signal `version`: context, authority, version and the
	/// genesis hash (a signal is valid on this chain only).
	pub fn signal_payload(authority: &T::AuthorityId, version: NodeVersion) -> Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		(SIGNAL_CONTEXT, authority, version, genesis).encode()
	}

	/// Checks that `authority` is a current authority and `version` is newer than its last
	/// signal.
	fn check_signal(authority: &T::AuthorityId, version: NodeVersion) -> Result<(), Error<T>> {
		ensure!(T::Authorities::get().contains(authority), Error::<T>::NotAnAuthority);
		ensure!(
			SignalOf::<T>::get(authority).is_none_or(|last| version > last),
			Error::<T>::StaleSignal
		);
		Ok(())
	}

	/// The share of `authorities` that signalled `min` or newer, and whether it meets
	/// `required`.
	pub fn readiness(
		authorities: &[T::AuthorityId],
		min: NodeVersion,
		required: Perbill,
	) -> (Perbill, bool) {
		let total = authorities.len().min(T::MaxAuthorities::get() as usize) as u32;
		let ready = authorities
			.iter()
			.take(total as usize)
			.filter(|a| SignalOf::<T>::get(a).is_some_and(|v| v >= min))
			.count() as u32;
		(Perbill::from_rational(ready, total.max(1)), readiness_met(ready, total, required))
	}

	/// Processes the upgrades due at `now` (the `on_initialize` of this pallet): installs the
	/// first due one that is ready (never two in a block), fails the unready ones whose deadline
	/// is reached, keeps the others waiting. Returns the weight used.
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
			let (readiness, ready) =
				Self::readiness(&authorities, upgrade.min_node_version, upgrade.required_readiness);
			if ready {
				weight.saturating_accrue(T::WeightInfo::activate(upgrade.code_len));
				Self::do_activate(&upgrade);
				installed = true;
			} else if now >= upgrade.readiness_deadline {
				T::Preimages::unrequest(&upgrade.code_hash);
				log::warn!(
					target: LOG_TARGET,
					"runtime upgrade {:?} refused: only {readiness:?} of the authorities are ready",
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

	/// Checks and installs `upgrade`; reports the outcome.
	pub(crate) fn do_activate(upgrade: &PendingUpgradeOf<T>) {
		let code_hash = upgrade.code_hash;
		let result = Self::check(upgrade);
		T::Preimages::unrequest(&code_hash);
		match result {
			Ok(code) => {
				frame_system::Pallet::<T>::update_code_in_storage(&code);
				RequiredNodeVersion::<T>::mutate(|v| *v = (*v).max(upgrade.min_node_version));
				let record = ActivatedUpgrade {
					code_hash,
					spec_version: upgrade.spec_version,
					min_node_version: upgrade.min_node_version,
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
					min_node_version: upgrade.min_node_version,
				});
			},
			Err(reason) => {
				log::warn!(target: LOG_TARGET, "runtime upgrade {code_hash:?} refused: {reason:?}");
				Self::deposit_event(Event::UpgradeFailed { code_hash, reason });
			},
		}
	}

	/// Loads the code of `upgrade` and checks it; returns the code.
	pub fn check(upgrade: &PendingUpgradeOf<T>) -> Result<Vec<u8>, FailureReason> {
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

	/// Offchain: signals the node's version for each local authority key whose signal on chain
	/// is older, at most once per [`SIGNAL_RETRY_BLOCKS`] per key. Returns how many were sent.
	pub fn do_signal_readiness(now: BlockNumberFor<T>) -> Result<usize, &'static str> {
		if !sp_io::offchain::is_validator() {
			return Ok(0);
		}
		let version = StorageValueRef::persistent(NODE_VERSION_KEY)
			.get::<NodeVersion>()
			.map_err(|_| "the node version in offchain storage does not decode")?
			.ok_or("the node did not write its version to offchain storage")?;
		let authorities = T::Authorities::get();
		let mut sent = 0;
		for key in T::AuthorityId::all() {
			if !authorities.contains(&key)
				|| SignalOf::<T>::get(&key).is_some_and(|last| last >= version)
			{
				continue;
			}
			let lock_key = (NODE_VERSION_KEY, b"/sent/", &key).encode();
			let retry = BlockNumberFor::<T>::from(SIGNAL_RETRY_BLOCKS);
			let claimed = StorageValueRef::persistent(&lock_key).mutate(
				|last: Result<Option<(NodeVersion, BlockNumberFor<T>)>, _>| match last {
					Ok(Some((v, at))) if v == version && now < at.saturating_add(retry) => Err(()),
					_ => Ok((version, now)),
				},
			);
			if claimed.is_err() {
				continue;
			}
			let signature =
				key.sign(&Self::signal_payload(&key, version)).ok_or("the keystore cannot sign")?;
			let call = Call::signal_readiness { authority: key, version, signature };
			SubmitTransaction::<T, Call<T>>::submit_transaction(T::create_bare(call.into()))
				.map_err(|_| "the transaction pool refused the signal")?;
			sent += 1;
		}
		Ok(sent)
	}

	/// The pending upgrades in activation order with their readiness (for runtime APIs).
	pub fn pending() -> Vec<UpgradeStatus<T::Hash, BlockNumberFor<T>>> {
		let authorities = T::Authorities::get();
		PendingUpgrades::<T>::get()
			.into_iter()
			.map(|upgrade| {
				let (readiness, ready) = Self::readiness(
					&authorities,
					upgrade.min_node_version,
					upgrade.required_readiness,
				);
				UpgradeStatus { upgrade, readiness, ready }
			})
			.collect()
	}

	/// Checks the pallet's invariants:
	/// - pending upgrades are sorted by activation block, one per block;
	/// - each one's readiness deadline is not before its activation block;
	/// - the code of each is requested in the preimage store.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let pending = PendingUpgrades::<T>::get();
		for pair in pending.windows(2) {
			ensure!(
				pair[0].activate_at < pair[1].activate_at,
				"pending upgrades not sorted/unique"
			);
		}
		for upgrade in pending.iter() {
			ensure!(
				upgrade.readiness_deadline >= upgrade.activate_at,
				"a readiness deadline is before its activation"
			);
			ensure!(T::Preimages::is_requested(&upgrade.code_hash), "pending code not requested");
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
