//! Storage migrations of pallet-token.
//!
//! ## v0 -> v1: voting power at snapshots
//!
//! v0 kept a checkpoint list per account (`CheckpointsOf`), a ring of supply checkpoints
//! (`SupplyCheckpointAt`, `SupplyHistory`) and delegations of whole balances that followed every
//! transfer (`DelegateOf`, `DelegatedTo`). v1 keeps voting power at snapshots in `AccountData`
//! and delegates fixed, frozen amounts. [`v1::MigrateToV1`], in one block:
//!
//! - rewrites every `System::Account` with the new `AccountData` (the four balance fields
//!   unchanged, nothing delegated or received, no snapshot values);
//! - turns each delegation into a delegation of the delegator's whole total balance at the
//!   upgrade (what it delegated under v0 at that moment), frozen from then on, so everyone's
//!   voting power at the upgrade block is unchanged. Such a delegator has nothing free for fees:
//!   to undelegate, it first needs a little balance sent to it;
//! - starts snapshots at the block before the upgrade (migrations run before the upgrade block
//!   is initialised; the migration changes nobody's power, so that block's end is its state),
//!   with the period the runtime gives;
//! - keeps the v0 checkpoints read-only for the proposals opened before the upgrade: their
//!   snapshots (blocks before the upgrade) read the same power as before it, until the block the
//!   runtime gives (the last voting end among them). Then `on_idle` clears the v0 history in
//!   bounded steps.
//!
//! It reads and writes each account once: at the runtime's database weights (ParityDB: 8 us per
//! read, 50 us per write) and a 2 s block, it fits a block for about 20,000 accounts, far above
//! this chain's count at the upgrade (the try-runtime checks print it).

use super::*;
#[cfg(feature = "try-runtime")]
use alloc::collections::BTreeMap;
use frame_support::{storage_alias, traits::UncheckedOnRuntimeUpgrade};

/// The v0 layout, kept for the migration and for reading the history of proposals opened before
/// it. (`storage_alias` generates undocumented prefix types.)
#[allow(missing_docs)]
pub mod v0 {
	use super::*;

	/// v0's account data: pallet-balances' four fields.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Default, Debug, TypeInfo)]
	pub struct AccountData<Balance> {
		/// Free balance.
		pub free: Balance,
		/// Balance on hold.
		pub reserved: Balance,
		/// Frozen balance.
		pub frozen: Balance,
		/// Flags.
		pub flags: ExtraFlags,
	}

	/// v0's voting-power checkpoint: `value` from the end of `block` on.
	#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, TypeInfo)]
	pub struct Checkpoint<BlockNumber, Balance> {
		/// The block.
		pub block: BlockNumber,
		/// The value from the end of it on.
		pub value: Balance,
	}

	/// v0's voting-power history of each account, strictly increasing in block.
	#[storage_alias]
	pub type CheckpointsOf<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		Vec<Checkpoint<BlockNumberFor<T>, <T as Config>::Balance>>,
	>;

	/// v0's delegations: delegator -> delegate.
	#[storage_alias]
	pub type DelegateOf<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		<T as frame_system::Config>::AccountId,
	>;

	/// v0's sums delegated to each delegate, and counts of delegators.
	#[storage_alias]
	pub type DelegatedTo<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		(<T as Config>::Balance, u32),
	>;

	/// v0's ring of supply checkpoints.
	#[storage_alias]
	pub type SupplyCheckpointAt<T: Config> = StorageMap<
		Pallet<T>,
		Twox64Concat,
		u32,
		Checkpoint<BlockNumberFor<T>, <T as Config>::Balance>,
	>;

	/// v0's ring bounds.
	#[storage_alias]
	pub type SupplyHistory<T: Config> = StorageValue<Pallet<T>, (u32, u32)>;

	/// The value of a v0 history at the end of block `at`: its last checkpoint at or before
	/// `at` (zero if none).
	pub fn value_at<B: PartialOrd + Copy, V: Copy + Zero>(
		history: &[Checkpoint<B, V>],
		at: B,
	) -> V {
		let after = history.partition_point(|c| c.block <= at);
		after.checked_sub(1).map_or_else(Zero::zero, |i| history[i].value)
	}

	/// Rewrites the account of `who` in the v0 layout (its balances and references unchanged),
	/// for the tests and rehearsals of the migration.
	#[cfg(feature = "std")]
	pub fn rewrite_as_v0<T>(who: &<T as frame_system::Config>::AccountId)
	where
		T: Config + frame_system::Config<AccountData = AccountDataOf<T>>,
	{
		let info = frame_system::Account::<T>::get(who);
		let old = frame_system::AccountInfo {
			nonce: info.nonce,
			consumers: info.consumers,
			providers: info.providers,
			sufficients: info.sufficients,
			data: AccountData {
				free: info.data.free,
				reserved: info.data.reserved,
				frozen: info.data.frozen,
				flags: info.data.flags,
			},
		};
		let key = frame_system::Account::<T>::hashed_key_for(who);
		frame_support::storage::unhashed::put(&key, &old);
	}
}

pub use legacy::LegacyHistoryUntil;

#[allow(missing_docs)]
mod legacy {
	use super::*;

	/// Until which block the v0 history stays readable (set by the migration; removed, with the
	/// history, once `on_idle` has cleared it).
	#[storage_alias]
	pub type LegacyHistoryUntil<T: Config> = StorageValue<Pallet<T>, BlockNumberFor<T>>;
}

impl<T: Config> Pallet<T> {
	/// The voting power of `who` at block `at` before the migration to v1, from the v0 history,
	/// while it is kept; `None` after.
	pub(crate) fn legacy_voting_power_at(
		who: &T::AccountId,
		at: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> Option<T::Balance> {
		let until = LegacyHistoryUntil::<T>::get()?;
		if now > until {
			return None;
		}
		Some(v0::value_at(&v0::CheckpointsOf::<T>::get(who).unwrap_or_default(), at))
	}

	/// Clears v0 history once it is no longer readable, within `limit`; returns the weight used.
	pub(crate) fn clear_legacy_history(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let db = T::DbWeight::get();
		let mut used = db.reads(1);
		let Some(until) = LegacyHistoryUntil::<T>::get() else { return used };
		if now <= until || limit.any_lt(used) {
			return used;
		}
		// Each removal: one key read and one deletion.
		let per_key = db.reads_writes(1, 1);
		let keys = limit.saturating_sub(used).ref_time() / per_key.ref_time().max(1);
		let keys = u32::try_from(keys).unwrap_or(u32::MAX).min(1_000);
		if keys == 0 {
			return used;
		}
		let result = v0::CheckpointsOf::<T>::clear(keys, None);
		used.saturating_accrue(per_key.saturating_mul(result.loops.into()));
		let left = keys.saturating_sub(result.loops);
		if result.maybe_cursor.is_some() || left == 0 {
			return used;
		}
		let result = v0::SupplyCheckpointAt::<T>::clear(left, None);
		used.saturating_accrue(per_key.saturating_mul(result.loops.into()));
		if result.maybe_cursor.is_none() {
			v0::SupplyHistory::<T>::kill();
			LegacyHistoryUntil::<T>::kill();
			used.saturating_accrue(db.writes(2));
			log::info!(target: LOG_TARGET, "v0 voting-power history cleared");
		}
		used
	}
}

/// The migration from v0 to v1.
pub mod v1 {
	use super::*;

	/// Migrates v0 to v1 (see the [module docs](super)); `Period` is the snapshot period from the
	/// upgrade on, `KeepLegacyUntil` the last block in which proposals opened before the upgrade
	/// can take votes.
	pub struct UncheckedMigrateToV1<T, Period, KeepLegacyUntil>(
		core::marker::PhantomData<(T, Period, KeepLegacyUntil)>,
	);

	/// [`UncheckedMigrateToV1`], run only on storage version 0 and setting version 1.
	pub type MigrateToV1<T, Period, KeepLegacyUntil> =
		frame_support::migrations::VersionedMigration<
			0,
			1,
			UncheckedMigrateToV1<T, Period, KeepLegacyUntil>,
			Pallet<T>,
			<T as frame_system::Config>::DbWeight,
		>;

	/// What the checks compare across the migration.
	#[cfg(feature = "try-runtime")]
	#[derive(Encode, Decode)]
	struct Before<AccountId: Ord, Balance> {
		issuance: Balance,
		/// free, reserved, frozen and voting power of every account.
		accounts: BTreeMap<AccountId, (Balance, Balance, Balance, Balance)>,
		/// Each delegator's delegate.
		delegations: BTreeMap<AccountId, AccountId>,
	}

	impl<T, Period, KeepLegacyUntil> UncheckedOnRuntimeUpgrade
		for UncheckedMigrateToV1<T, Period, KeepLegacyUntil>
	where
		T: Config + frame_system::Config<AccountData = AccountDataOf<T>>,
		Period: Get<BlockNumberFor<T>>,
		KeepLegacyUntil: Get<BlockNumberFor<T>>,
	{
		fn on_runtime_upgrade() -> Weight {
			let now = frame_system::Pallet::<T>::block_number();
			let mut accounts = 0u64;
			frame_system::Account::<T>::translate::<
				frame_system::AccountInfo<T::Nonce, v0::AccountData<T::Balance>>,
				_,
			>(|_, old| {
				accounts.saturating_inc();
				let data = old.data;
				Some(frame_system::AccountInfo {
					nonce: old.nonce,
					consumers: old.consumers,
					providers: old.providers,
					sufficients: old.sufficients,
					data: AccountData {
						free: data.free,
						reserved: data.reserved,
						frozen: data.frozen,
						flags: data.flags,
						..Default::default()
					},
				})
			});
			// Migrations run before the upgrade block is initialised: `now` is the block before
			// it, whose end is the first snapshot (nobody's power changes here).
			Snapshots::<T>::put(SnapshotState {
				first: now,
				period: Period::get(),
				supply: Default::default(),
			});
			let mut delegations = 0u64;
			for (who, to) in v0::DelegateOf::<T>::drain() {
				delegations.saturating_inc();
				let amount = Pallet::<T>::account(&who).total();
				if amount.is_zero() || who == to {
					continue;
				}
				let freezes = Freezes::<T>::get(&who);
				let moved = frame_support::storage::with_storage_layer(|| {
					Pallet::<T>::try_mutate_account_handling_dust(&to, true, |a, _| {
						a.received = a.received.saturating_add(amount);
						Ok::<_, DispatchError>(())
					})?;
					Pallet::<T>::try_mutate_account_handling_dust(&who, true, |a, _| {
						a.delegated = amount;
						a.frozen = Pallet::<T>::frozen_of(freezes.as_bounded_slice(), amount);
						Ok::<_, DispatchError>(())
					})
				});
				if moved.is_err() {
					defensive!("a v0 delegation could not be migrated");
					continue;
				}
				DelegationOf::<T>::insert(&who, Delegation { to, amount });
			}
			let delegates = v0::DelegatedTo::<T>::clear(u32::MAX, None).loops;
			LegacyHistoryUntil::<T>::put(KeepLegacyUntil::get().max(now));
			log::info!(
				target: LOG_TARGET,
				"migrated {accounts} accounts and {delegations} delegations to v1"
			);
			T::DbWeight::get().reads_writes(
				accounts
					.saturating_add(delegations.saturating_mul(5))
					.saturating_add(delegates.into())
					.saturating_add(2),
				accounts
					.saturating_add(delegations.saturating_mul(4))
					.saturating_add(delegates.into())
					.saturating_add(2),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let mut before = Before {
				issuance: TotalIssuance::<T>::get(),
				accounts: BTreeMap::new(),
				delegations: v0::DelegateOf::<T>::iter().collect(),
			};
			for key in frame_system::Account::<T>::iter_keys() {
				let raw = frame_system::Account::<T>::hashed_key_for(&key);
				let info = frame_support::storage::unhashed::get::<
					frame_system::AccountInfo<T::Nonce, v0::AccountData<T::Balance>>,
				>(&raw)
				.ok_or("an account does not decode as v0")?;
				let d = info.data;
				before.accounts.insert(key, (d.free, d.reserved, d.frozen, Zero::zero()));
			}
			// v0 power: own total unless delegating, plus the sums delegated to the account.
			let keys: Vec<_> = before.accounts.keys().cloned().collect();
			let delegates: Vec<_> = v0::DelegatedTo::<T>::iter_keys().collect();
			for who in keys.iter().chain(delegates.iter()) {
				let own = match before.accounts.get(who) {
					Some((free, reserved, ..)) if !before.delegations.contains_key(who) => {
						(*free).saturating_add(*reserved)
					},
					_ => Zero::zero(),
				};
				let power =
					own.saturating_add(v0::DelegatedTo::<T>::get(who).unwrap_or_default().0);
				before.accounts.entry(who.clone()).or_default().3 = power;
			}
			log::info!(
				target: LOG_TARGET,
				"v0 -> v1: {} accounts, {} delegations",
				before.accounts.len(),
				before.delegations.len()
			);
			Ok(before.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use sp_runtime::TryRuntimeError as E;
			let before = Before::<T::AccountId, T::Balance>::decode(&mut &state[..])
				.map_err(|_| E::Other("pre-upgrade state does not decode"))?;
			ensure!(TotalIssuance::<T>::get() == before.issuance, E::Other("issuance changed"));
			// Every account decodes in the new layout (one that did not decode as v0 would
			// have been left as it was, and read as empty).
			for key in frame_system::Account::<T>::iter_keys() {
				ensure!(
					frame_system::Account::<T>::try_get(&key).is_ok(),
					E::Other("an account does not decode as v1")
				);
			}
			for (who, (free, reserved, frozen, power)) in &before.accounts {
				let a = Pallet::<T>::account(who);
				ensure!(a.free == *free && a.reserved == *reserved, E::Other("balance changed"));
				// Frozen changes only for delegators, whose delegation is now frozen.
				let expected_frozen = if before.delegations.contains_key(who) {
					(*frozen).max(a.delegated)
				} else {
					*frozen
				};
				ensure!(a.frozen == expected_frozen, E::Other("frozen balance changed"));
				if a.power() != *power {
					log::error!(
						target: LOG_TARGET,
						"power of {who:?}: {power:?} before the migration, {:?} after",
						a.power()
					);
					return Err(E::Other("voting power changed"));
				}
			}
			for (who, to) in &before.delegations {
				let kept = DelegationOf::<T>::get(who);
				let total = Pallet::<T>::account(who).total();
				ensure!(
					kept.as_ref().map(|d| (&d.to, d.amount)) == Some((to, total))
						|| total.is_zero(),
					E::Other("a delegation was not carried over")
				);
			}
			ensure!(v0::DelegateOf::<T>::iter().next().is_none(), E::Other("v0 delegations left"));
			ensure!(v0::DelegatedTo::<T>::iter().next().is_none(), E::Other("v0 sums left"));
			Pallet::<T>::do_try_state()
		}
	}
}
